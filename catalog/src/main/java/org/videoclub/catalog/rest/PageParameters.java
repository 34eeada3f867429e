package org.videoclub.catalog.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestResponse;
import org.videoclub.catalog.service.PageRequest;
import org.videoclub.catalog.service.ProblemException;

/**
 * Keyset pagination over HTTP, the same in auth and catalog (SPEC sections 7 and 8): {@code ?limit=} (1 to 100,
 * default 20) and the opaque {@code ?cursor=}, base64url of {@code after:<id>}; the answer is {@code {items, next}}
 * with a {@code Link: <...>; rel="next"} header while there is a next page.
 */
final class PageParameters {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    private static final String CURSOR_PREFIX = "after:";

    private PageParameters() {
    }

    /** The page asked for; 400 naming the parameter when {@code limit} or {@code cursor} is malformed. */
    static PageRequest parse(String limit, String cursor) {
        return new PageRequest(afterId(cursor), limit(limit));
    }

    static <E, R> RestResponse<PageResponse<R>> answer(PageRequest.Page<E> page, Function<E, R> toResponse, UriInfo uri) {
        List<R> items = page.items().stream().map(toResponse).toList();
        String next = page.nextAfterId() == null ? null : cursor(page.nextAfterId());
        RestResponse.ResponseBuilder<PageResponse<R>> answer = RestResponse.ResponseBuilder.ok(new PageResponse<>(items, next));
        if (next != null) {
            answer.header("Link", "<" + uri.getRequestUriBuilder().replaceQueryParam("cursor", next).build() + ">; rel=\"next\"");
        }
        return answer.build();
    }

    private static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    private static long afterId(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.US_ASCII);
            if (text.startsWith(CURSOR_PREFIX)) {
                long afterId = Long.parseLong(text.substring(CURSOR_PREFIX.length()));
                if (afterId >= 0) {
                    return afterId;
                }
            }
        } catch (IllegalArgumentException e) {
            // answered below (NumberFormatException is an IllegalArgumentException)
        }
        throw ProblemException.badRequest("cursor", "is not a cursor of this list; use the 'next' value of a previous page");
    }

    private static String cursor(long afterId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((CURSOR_PREFIX + afterId).getBytes(StandardCharsets.US_ASCII));
    }
}
