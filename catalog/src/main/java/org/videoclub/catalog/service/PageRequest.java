package org.videoclub.catalog.service;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Keyset pagination: a page starts after the id {@code afterId}, so any page costs one index range scan.
 */
public record PageRequest(long afterId, int limit) {

    /** One page of results and the id the next page starts after (null on the last page). */
    public record Page<T>(List<T> items, Long nextAfterId) {
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
        return new Page<>(items, id.applyAsLong(items.get(limit - 1)));
    }
}
