package org.videoclub.catalog.rest;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestResponse;

/** The success answers of the resources: the entity with its version as ETag, and a 201 with Location. */
final class Answers {

    private Answers() {
    }

    static <R extends VersionedResponse> RestResponse<R> tagged(R body) {
        return RestResponse.ResponseBuilder.ok(body).tag(etag(body)).build();
    }

    /** 201, with the Location of the new entity below {@code resource}'s path. */
    static <R extends VersionedResponse> RestResponse<R> created(UriInfo uri, Class<?> resource, R body) {
        return RestResponse.ResponseBuilder.<R> created(uri.getBaseUriBuilder().path(resource)
                .path(String.valueOf(body.id())).build()).entity(body).tag(etag(body)).build();
    }

    private static EntityTag etag(VersionedResponse body) {
        return new EntityTag(String.valueOf(body.version()));
    }
}
