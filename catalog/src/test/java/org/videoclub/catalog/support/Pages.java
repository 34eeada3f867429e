package org.videoclub.catalog.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videoclub.catalog.support.Api.as;

import java.util.ArrayList;
import java.util.List;

import io.restassured.response.Response;

/** Walks a keyset-paginated list the way a client does, checking every page on the way. */
public final class Pages {

    private Pages() {
    }

    /**
     * Follows the Link headers from {@code firstPage} to the end; returns the ids seen. Every page but the last is full,
     * carries a {@code next} cursor and the same cursor in its Link; the last has neither; only an empty list has an
     * empty page; the ids come in id order without duplicates.
     */
    public static List<Long> walk(String firstPage, int limit) {
        List<Long> ids = new ArrayList<>();
        String next = firstPage;
        int pages = 0;
        while (next != null) {
            Response page = as("reader").urlEncodingEnabled(false).get(next);
            page.then().statusCode(200);
            List<Long> items = page.jsonPath().getList("items.id", Long.class);
            assertTrue(items.size() <= limit, "page size");
            assertFalse(items.isEmpty() && pages > 0, "no empty page after the first");
            ids.addAll(items);
            String cursor = page.jsonPath().getString("next");
            String link = page.header("Link");
            if (cursor == null) {
                assertNull(link, "no Link on the last page");
                next = null;
            } else {
                assertEquals(limit, items.size(), "only the last page may be short");
                assertTrue(link.endsWith(">; rel=\"next\"") && link.contains("cursor=" + cursor), link);
                next = link.substring(link.indexOf("/", link.indexOf("//") + 2), link.indexOf('>'));
            }
            assertTrue(++pages < 1000, "the walk ends");
        }
        List<Long> sorted = new ArrayList<>(ids);
        sorted.sort(null);
        assertEquals(sorted, ids, "id order");
        assertEquals(ids.size(), ids.stream().distinct().count(), "no duplicates");
        return ids;
    }
}
