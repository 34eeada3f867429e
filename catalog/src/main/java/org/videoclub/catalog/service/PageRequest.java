package org.videoclub.catalog.service;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Keyset pagination: a page starts after the id carried by the opaque cursor, so any page costs one index range scan.
 */
public record PageRequest(long afterId, int limit) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    private static final String CURSOR_PREFIX = "after:";

    /** One page of results and the cursor of the next one (null on the last page). */
    public record Page<T>(List<T> items, String next) {
    }

    /** Parses the {@code limit} and {@code cursor} query parameters; 400 when either is malformed. */
    public static PageRequest parse(String limit, String cursor) {
        int size = DEFAULT_LIMIT;
        if (limit != null) {
            try {
                size = Integer.parseInt(limit);
            } catch (NumberFormatException e) {
                size = 0;
            }
            if (size < 1 || size > MAX_LIMIT) {
                throw ProblemException.badRequest("limit", "must be a whole number from 1 to " + MAX_LIMIT);
            }
        }
        long afterId = 0;
        if (cursor != null) {
            afterId = decode(cursor);
        }
        return new PageRequest(afterId, size);
    }

    /** Rows to fetch: one more than the page, to learn whether there is a next page. */
    public int fetchSize() {
        return limit + 1;
    }

    /** Cuts {@code rows} (fetched with {@link #fetchSize()}) to a page. */
    public <T> Page<T> page(List<T> rows, ToLongFunction<T> id) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, limit);
        return new Page<>(items, encode(id.applyAsLong(items.get(limit - 1))));
    }

    private static String encode(long afterId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((CURSOR_PREFIX + afterId).getBytes(StandardCharsets.US_ASCII));
    }

    private static long decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (text.startsWith(CURSOR_PREFIX)) {
                long afterId = Long.parseLong(text.substring(CURSOR_PREFIX.length()));
                if (afterId >= 0) {
                    return afterId;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the 400 below (NumberFormatException is an IllegalArgumentException)
        }
        throw ProblemException.badRequest("cursor", "is not a cursor of this list; use the 'next' value of a previous page");
    }
}
