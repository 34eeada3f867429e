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

import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.videoclub.catalog.model.Genre;
import org.videoclub.catalog.service.GenreService;
import org.videoclub.catalog.service.PageRequest;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

/** Genres (SPEC section 4): reads for any signed-in user, changes for editors and admins. */
@Path("/genres")
@Cancellable(false) // a request runs to completion when its client hangs up: no write is cut in half
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ "reader", "editor", "admin" })
@SecurityRequirement(name = "bearer")
@Tag(name = "genres")
public class GenreResource {

    private final GenreService service;

    GenreResource(GenreService service) {
        this.service = service;
    }

    @GET
    public Uni<Response> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        return Uni.createFrom().item(() -> PageRequest.parse(limit, cursor))
                .chain(service::list)
                .map(page -> Lists.page(page, GenreResponse::of, uri));
    }

    @POST
    @RolesAllowed({ "editor", "admin" })
    public Uni<Response> create(GenreRequest request, @Context UriInfo uri) {
        return service.create(request).map(created -> withTag(Response.created(
                uri.getBaseUriBuilder().path(GenreResource.class).path(String.valueOf(created.id)).build()), created));
    }

    @GET
    @Path("{id}")
    public Uni<Response> get(@PathParam("id") long id) {
        return service.get(id).map(found -> withTag(Response.ok(), found));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({ "editor", "admin" })
    public Uni<Response> replace(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, GenreRequest request) {
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

    private static Response withTag(Response.ResponseBuilder answer, Genre entity) {
        return answer.entity(GenreResponse.of(entity)).tag(new EntityTag(String.valueOf(entity.version))).build();
    }
}
