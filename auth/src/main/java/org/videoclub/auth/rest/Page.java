package org.videoclub.auth.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestResponse;
import org.videoclub.auth.service.ProblemException;

/**
 * One page of a keyset-paginated list: {@code {"items": [...], "next": "<cursor or null>"}}, with a
 * {@code Link: <...>; rel="next"} header. The cursor is the opaque form of the last key of the page.
 */
public record Page<T>(List<T> items, String next) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    /** The cursor is base64url of {@code after:<key>}, the same in auth and catalog (SPEC section 8). */
    private static final String CURSOR_PREFIX = "after:";

    /** The page size asked for: 1 to 100, 20 when absent; anything else is a 400. */
    public static int limit(String limit) {
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

    /** The key after which the page starts: 0 without a cursor; a cursor that was not made here is a 400. */
    public static long after(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.US_ASCII);
            if (decoded.startsWith(CURSOR_PREFIX)) {
                long key = Long.parseLong(decoded.substring(CURSOR_PREFIX.length()));
                if (key >= 0) {
                    return key;
                }
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw ProblemException.badRequest("cursor", "is not a cursor of this list; use the 'next' value of a previous page");
    }

    /**
     * Builds the response from up to {@code limit + 1} rows: the extra row only tells that another page follows.
     */
    public static <E, T> RestResponse<Page<T>> of(List<E> rows, int limit, ToLongFunction<E> key,
            Function<E, T> view, UriInfo uri) {
        boolean more = rows.size() > limit;
        List<E> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? cursor(key.applyAsLong(shown.get(shown.size() - 1))) : null;
        RestResponse.ResponseBuilder<Page<T>> response = RestResponse.ResponseBuilder
                .ok(new Page<>(shown.stream().map(view).toList(), next));
        if (next != null) {
            response.header("Link", "<" + uri.getRequestUriBuilder().replaceQueryParam("cursor", next).build()
                    + ">; rel=\"next\"");
        }
        return response.build();
    }

    private static String cursor(long key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((CURSOR_PREFIX + key).getBytes(StandardCharsets.US_ASCII));
    }
}
