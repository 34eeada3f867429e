package org.videoclub.catalog.rest;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestResponse;

/** The success answers of the resources: the entity with its version as ETag, and a 201 with Location. */
final class Answers {

    private Answers() {
    }

    static <R> RestResponse<R> tagged(R body, int version) {
        return RestResponse.ResponseBuilder.ok(body).tag(new EntityTag(String.valueOf(version))).build();
    }

    static <R> RestResponse<R> created(UriInfo uri, Class<?> resource, long id, R body, int version) {
        return RestResponse.ResponseBuilder.<R> created(uri.getBaseUriBuilder().path(resource).path(String.valueOf(id)).build())
                .entity(body).tag(new EntityTag(String.valueOf(version))).build();
    }
}
