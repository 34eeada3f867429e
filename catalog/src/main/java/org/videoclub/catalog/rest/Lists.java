package org.videoclub.catalog.rest;

import java.util.List;
import java.util.function.Function;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.videoclub.catalog.service.PageRequest;

/** The answer to a list request: {@code {items, next}} and, when there is a next page, {@code Link: <...>; rel="next"}. */
final class Lists {

    private Lists() {
    }

    static <E, R> Response page(PageRequest.Page<E> page, Function<E, R> toResponse, UriInfo uri) {
        List<R> items = page.items().stream().map(toResponse).toList();
        Response.ResponseBuilder answer = Response.ok(new PageResponse<>(items, page.next()));
        if (page.next() != null) {
            answer.header("Link", "<" + uri.getRequestUriBuilder().replaceQueryParam("cursor", page.next()).build() + ">; rel=\"next\"");
        }
        return answer.build();
    }
}
