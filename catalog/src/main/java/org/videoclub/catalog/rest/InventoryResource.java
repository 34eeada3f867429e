package org.videoclub.catalog.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.videoclub.catalog.service.InventoryRequest;
import org.videoclub.catalog.service.InventoryService;
import org.videoclub.catalog.service.StockChange;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

/** Inventory items (SPEC section 4): reads for any signed-in user, changes for editors and admins. */
@Path("/inventory")
@Cancellable(false) // a request runs to completion when its client hangs up: no write is cut in half
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ "reader", "editor", "admin" })
@Tag(name = "inventory", description = "Copies of a book for sale: condition, price and stock.")
public class InventoryResource {

    private final InventoryService service;

    InventoryResource(InventoryService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "List inventory items", description = "Items in id order, a page at a time, each with its book.")
    @APIResponse(responseCode = "200", description = "A page of items")
    public Uni<RestResponse<PageResponse<InventoryResponse>>> listInventory(
            @Parameter(description = "Only the items of this book", example = "42") @QueryParam("bookId") String bookId,
            @Parameter(description = "true: only items with stock > 0; false: only items out of stock", example = "true") @QueryParam("inStock") String inStock,
            @Parameter(description = "Page size, 1 to 100 (default 20)", example = "20") @QueryParam("limit") String limit,
            @Parameter(description = "The 'next' of the previous page") @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        return Uni.createFrom().item(() -> PageParameters.parse(limit, cursor))
                .chain(page -> service.list(InventoryListParameters.bookId(bookId), InventoryListParameters.inStock(inStock), page))
                .map(page -> PageParameters.answer(page, InventoryResponse::of, uri));
    }

    @POST
    @RolesAllowed({ "editor", "admin" })
    @Operation(summary = "Add an inventory item", description = "Copies of an existing book in one condition, at one price.")
    @APIResponseSchema(value = InventoryResponse.class, responseCode = "201", responseDescription = "The new item")
    public Uni<RestResponse<InventoryResponse>> createItem(InventoryRequest request, @Context UriInfo uri) {
        return service.create(request).map(InventoryResponse::of)
                .map(created -> Answers.created(uri, InventoryResource.class, created));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read one inventory item", description = "The item with its book; its ETag is the version to send in If-Match.")
    @APIResponse(responseCode = "200", description = "The item")
    public Uni<RestResponse<InventoryResponse>> getItem(@PathParam("id") long id) {
        return service.get(id).map(InventoryResponse::of).map(Answers::tagged);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({ "editor", "admin" })
    @Operation(summary = "Replace an inventory item", description = "Book, condition, price and stock are set from the body.")
    @APIResponse(responseCode = "200", description = "The item as it is now")
    public Uni<RestResponse<InventoryResponse>> replaceItem(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            InventoryRequest request) {
        return service.replace(id, IfMatch.expectedVersion(ifMatch), request)
                .map(InventoryResponse::of).map(Answers::tagged);
    }

    @PATCH
    @Path("{id}")
    @Consumes({ "application/merge-patch+json", MediaType.APPLICATION_JSON })
    @RolesAllowed({ "editor", "admin" })
    @Operation(summary = "Change some fields of an inventory item", description = "A JSON merge patch (RFC 7396): the"
            + " fields sent replace the current ones, and the result is checked like a PUT.")
    @RequestBody(required = true, content = {
            @Content(mediaType = "application/merge-patch+json", schema = @Schema(ref = "InventoryPatch")),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "InventoryPatch")) })
    @APIResponse(responseCode = "200", description = "The item as it is now")
    public Uni<RestResponse<InventoryResponse>> patchItem(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            JsonNode patch) {
        return service.patch(id, IfMatch.expectedVersion(ifMatch), patch)
                .map(InventoryResponse::of).map(Answers::tagged);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({ "editor", "admin" })
    @Operation(summary = "Delete an inventory item", description = "The item and its stock are gone; the book stays.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<RestResponse<Void>> deleteItem(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
        return service.delete(id, IfMatch.expectedVersion(ifMatch)).map(nothing -> RestResponse.noContent());
    }

    @POST
    @Path("{id}/stock")
    @RolesAllowed({ "editor", "admin" })
    @Operation(summary = "Record a sale or a delivery", description = "Adds delta to the stock in one atomic change"
            + " (a sale is -1, a delivery of n copies +n); concurrent changes are never lost. Takes no If-Match.")
    @APIResponse(responseCode = "200", description = "The item with its new stock")
    @APIResponse(responseCode = "409", description = "The stock would drop below 0 (or pass 1,000,000,000); nothing changed")
    public Uni<RestResponse<InventoryResponse>> changeStock(@PathParam("id") long id, StockChange change) {
        return service.changeStock(id, change).map(InventoryResponse::of).map(Answers::tagged);
    }
}
