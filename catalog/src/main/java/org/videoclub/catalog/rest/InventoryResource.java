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
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.videoclub.catalog.model.InventoryItem;
import org.videoclub.catalog.service.InventoryService;
import org.videoclub.catalog.service.PageRequest;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

/** Inventory items (SPEC section 4): reads for any signed-in user, changes for editors and admins. */
@Path("/inventory")
@Cancellable(false) // a request runs to completion when its client hangs up: no write is cut in half
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ "reader", "editor", "admin" })
@SecurityRequirement(name = "bearer")
@Tag(name = "inventory")
public class InventoryResource {

    private final InventoryService service;

    InventoryResource(InventoryService service) {
        this.service = service;
    }

    @GET
    public Uni<Response> list(@QueryParam("bookId") String bookId,
            @Parameter(description = "true: only items with stock > 0; false: only items out of stock") @QueryParam("inStock") String inStock,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        return Uni.createFrom().item(() -> PageRequest.parse(limit, cursor))
                .chain(page -> service.list(InventoryService.bookIdFilter(bookId), InventoryService.inStockFilter(inStock), page))
                .map(page -> Lists.page(page, InventoryResponse::of, uri));
    }

    @POST
    @RolesAllowed({ "editor", "admin" })
    public Uni<Response> create(InventoryRequest request, @Context UriInfo uri) {
        return service.create(request).map(created -> withTag(Response.created(
                uri.getBaseUriBuilder().path(InventoryResource.class).path(String.valueOf(created.id)).build()), created));
    }

    @GET
    @Path("{id}")
    public Uni<Response> get(@PathParam("id") long id) {
        return service.get(id).map(found -> withTag(Response.ok(), found));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({ "editor", "admin" })
    public Uni<Response> replace(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, InventoryRequest request) {
        return service.replace(id, ifMatch, request).map(changed -> withTag(Response.ok(), changed));
    }

    /** A JSON merge patch: the fields sent replace the current ones. */
    @PATCH
    @Path("{id}")
    @Consumes({ MediaType.APPLICATION_JSON, "application/merge-patch+json" })
    @RolesAllowed({ "editor", "admin" })
    public Uni<Response> patch(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        return service.patch(id, ifMatch, patch).map(changed -> withTag(Response.ok(), changed));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({ "editor", "admin" })
    public Uni<Response> delete(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
        return service.delete(id, ifMatch).map(nothing -> Response.noContent().build());
    }

    /** Sale (-1), delivery (+n): one atomic change in the database; 409 when the stock would drop below 0. */
    @POST
    @Path("{id}/stock")
    @RolesAllowed({ "editor", "admin" })
    public Uni<Response> changeStock(@PathParam("id") long id, StockChange change) {
        return service.changeStock(id, change).map(changed -> withTag(Response.ok(), changed));
    }

    private static Response withTag(Response.ResponseBuilder answer, InventoryItem entity) {
        return answer.entity(InventoryResponse.of(entity)).tag(new EntityTag(String.valueOf(entity.version))).build();
    }
}
