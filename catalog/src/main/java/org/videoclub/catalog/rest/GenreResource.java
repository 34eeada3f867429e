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
import org.videoclub.catalog.service.GenreRequest;
import org.videoclub.catalog.service.GenreService;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

/** Genres (SPEC section 4): reads for any signed-in user, changes for editors and admins. */
@Path("/genres")
@Cancellable(false) // a request runs to completion when its client hangs up: no write is cut in half
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ "reader", "editor", "admin" })
@Tag(name = "genres", description = "Genres that books belong to; a name is unique without regard to letter case.")
public class GenreResource {

    private final GenreService service;

    GenreResource(GenreService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "List genres", description = "All genres in id order, a page at a time.")
    @APIResponse(responseCode = "200", description = "A page of genres")
    public Uni<RestResponse<PageResponse<GenreResponse>>> listGenres(
            @Parameter(description = "Page size, 1 to 100 (default 20)", example = "20") @QueryParam("limit") String limit,
            @Parameter(description = "The 'next' of the previous page") @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        return Uni.createFrom().item(() -> PageParameters.parse(limit, cursor))
                .chain(service::list)
                .map(page -> PageParameters.answer(page, GenreResponse::of, uri));
    }

    @POST
    @RolesAllowed({ "editor", "admin" })
    @Operation(summary = "Add a genre", description = "A new genre; no other genre may have the same name in any letter case.")
    @APIResponseSchema(value = GenreResponse.class, responseCode = "201", responseDescription = "The new genre")
    @APIResponse(responseCode = "409", description = "A genre with this name exists")
    public Uni<RestResponse<GenreResponse>> createGenre(GenreRequest request, @Context UriInfo uri) {
        return service.create(request).map(GenreResponse::of)
                .map(created -> Answers.created(uri, GenreResource.class, created));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read one genre", description = "The genre; its ETag is the version to send in If-Match.")
    @APIResponse(responseCode = "200", description = "The genre")
    public Uni<RestResponse<GenreResponse>> getGenre(@PathParam("id") long id) {
        return service.get(id).map(GenreResponse::of).map(Answers::tagged);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({ "editor", "admin" })
    @Operation(summary = "Replace a genre", description = "Name and description are set from the body; a description"
            + " left out is cleared. A new name shows in the genre's books at once.")
    @APIResponse(responseCode = "200", description = "The genre as it is now")
    @APIResponse(responseCode = "409", description = "Another genre has this name")
    public Uni<RestResponse<GenreResponse>> replaceGenre(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            GenreRequest request) {
        return service.replace(id, IfMatch.expectedVersion(ifMatch), request)
                .map(GenreResponse::of).map(Answers::tagged);
    }

    @PATCH
    @Path("{id}")
    @Consumes({ "application/merge-patch+json", MediaType.APPLICATION_JSON })
    @RolesAllowed({ "editor", "admin" })
    @Operation(summary = "Change some fields of a genre", description = "A JSON merge patch (RFC 7396): the fields sent"
            + " replace the current ones, and the result is checked like a PUT.")
    @RequestBody(required = true, content = {
            @Content(mediaType = "application/merge-patch+json", schema = @Schema(ref = "GenrePatch")),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "GenrePatch")) })
    @APIResponse(responseCode = "200", description = "The genre as it is now")
    @APIResponse(responseCode = "409", description = "Another genre has this name")
    public Uni<RestResponse<GenreResponse>> patchGenre(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            JsonNode patch) {
        return service.patch(id, IfMatch.expectedVersion(ifMatch), patch)
                .map(GenreResponse::of).map(Answers::tagged);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({ "editor", "admin" })
    @Operation(summary = "Delete a genre", description = "The genre disappears from its books; the books stay.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<RestResponse<Void>> deleteGenre(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
        return service.delete(id, IfMatch.expectedVersion(ifMatch)).map(nothing -> RestResponse.noContent());
    }
}
