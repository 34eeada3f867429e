package org.videoclub.catalog.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import io.smallrye.mutiny.subscription.UniEmitter;

/** The cache structure alone, with a clock the test moves: expiry, bounds, single flight, invalidation. */
class SearchCacheTest {

    private static final Duration TTL = Duration.ofSeconds(30);

    private final AtomicLong nanos = new AtomicLong(1_000);
    /** Row limit the cache passed to the last load. */
    private final AtomicInteger lastLimit = new AtomicInteger();

    private SearchCache cache(Duration ttl, int maxQueries, int maxIds, long maxTotalIds) {
        return new SearchCache(ttl, maxQueries, maxIds, maxTotalIds, nanos::get);
    }

    /** A load yielding {@code ids} at once. */
    private IntFunction<Uni<long[]>> loading(long... ids) {
        return limit -> {
            lastLimit.set(limit);
            return Uni.createFrom().item(ids);
        };
    }

    private static long[] get(SearchCache cache, String expression, IntFunction<Uni<long[]>> load) {
        return cache.ids(expression, load).subscribe().withSubscriber(UniAssertSubscriber.create()).assertCompleted().getItem();
    }

    @Test
    void aSearchIsLoadedOnceWithinTheTtlAndAgainAfterIt() {
        SearchCache cache = cache(TTL, 10, 100, 1000);
        assertArrayEquals(new long[] { 3, 7 }, get(cache, "+dune*", loading(3, 7)));
        nanos.addAndGet(TTL.toNanos() - 1);
        assertArrayEquals(new long[] { 3, 7 }, get(cache, "+dune*", loading(3, 7, 9)));
        assertEquals(1, cache.loads());

        nanos.addAndGet(1);
        assertArrayEquals(new long[] { 3, 7, 9 }, get(cache, "+dune*", loading(3, 7, 9)));
        assertEquals(2, cache.loads());
    }

    @Test
    void atMostMaxQueriesSearchesAreKeptTheLeastRecentlyUsedGoingFirst() {
        SearchCache cache = cache(TTL, 2, 100, 1000);
        get(cache, "a", loading(1));
        get(cache, "b", loading(2));
        get(cache, "a", loading(1));
        get(cache, "c", loading(3));
        assertEquals(3, cache.loads());

        get(cache, "a", loading(1));
        get(cache, "c", loading(3));
        assertEquals(3, cache.loads(), "a and c still cached");
        get(cache, "b", loading(2));
        assertEquals(4, cache.loads(), "b was dropped");
    }

    @Test
    void aSearchMatchingMoreThanMaxIdsIsNotCachedAndAsksNoMoreThanOneRowTooMany() {
        SearchCache cache = cache(TTL, 10, 3, 1000);
        assertNull(get(cache, "big", loading(1, 2, 3, 4)));
        assertEquals(4, lastLimit.get());
        assertEquals(0, cache.totalIds());
        // Remembered as too big until it expires: straight to SQL without another load.
        assertNull(get(cache, "big", loading(1, 2, 3, 4)));
        assertEquals(1, cache.loads());

        assertArrayEquals(new long[] { 1, 2, 3 }, get(cache, "fits", loading(1, 2, 3)));
        assertEquals(3, cache.totalIds());
    }

    @Test
    void theIdsOfAllSearchesTogetherStayWithinTheirBound() {
        SearchCache cache = cache(TTL, 10, 3, 5);
        get(cache, "a", loading(1, 2, 3));
        get(cache, "b", loading(4, 5));
        assertEquals(5, cache.totalIds());
        get(cache, "c", loading(6, 7));
        assertEquals(4, cache.totalIds(), "a, the least recently used, made room");
        get(cache, "b", loading(4, 5));
        assertEquals(3, cache.loads());
        get(cache, "a", loading(1, 2, 3));
        assertEquals(4, cache.loads());

        SearchCache smallTotal = cache(TTL, 10, 100, 2);
        assertNull(get(smallTotal, "three", loading(1, 2, 3)), "more than the whole budget is too many");
        assertEquals(3, lastLimit.get());
    }

    @Test
    void aZeroTtlOrZeroMaxQueriesDisablesTheCache() {
        for (SearchCache disabled : List.of(cache(Duration.ZERO, 10, 100, 1000), cache(TTL, 0, 100, 1000))) {
            assertNull(get(disabled, "+dune*", limit -> {
                throw new AssertionError("no load when disabled");
            }));
            assertEquals(0, disabled.loads());
        }
    }

    @Test
    void concurrentMissesShareOneLoad() {
        SearchCache cache = cache(TTL, 10, 100, 1000);
        AtomicReference<UniEmitter<? super long[]>> pending = new AtomicReference<>();
        IntFunction<Uni<long[]>> slowLoad = limit -> Uni.createFrom().<long[]>emitter(pending::set);
        List<UniAssertSubscriber<long[]>> waiting = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            waiting.add(cache.ids("+dune*", slowLoad).subscribe().withSubscriber(UniAssertSubscriber.create()));
        }
        assertEquals(1, cache.loads());
        waiting.forEach(UniAssertSubscriber::assertNotTerminated);

        pending.get().complete(new long[] { 4, 8 });
        waiting.forEach(subscriber -> assertArrayEquals(new long[] { 4, 8 }, subscriber.assertCompleted().getItem()));
        assertArrayEquals(new long[] { 4, 8 }, get(cache, "+dune*", slowLoad));
        assertEquals(1, cache.loads());
    }

    @Test
    void aFailedLoadIsNotKept() {
        SearchCache cache = cache(TTL, 10, 100, 1000);
        cache.ids("+dune*", limit -> Uni.createFrom().failure(new IllegalStateException("database down")))
                .subscribe().withSubscriber(UniAssertSubscriber.create()).assertFailedWith(IllegalStateException.class);
        assertArrayEquals(new long[] { 5 }, get(cache, "+dune*", loading(5)));
        assertEquals(2, cache.loads());
    }

    @Test
    void invalidationForgetsCachedSearchesAndTheLoadRunningMeanwhile() {
        SearchCache cache = cache(TTL, 10, 100, 1000);
        get(cache, "a", loading(1));
        AtomicReference<UniEmitter<? super long[]>> pending = new AtomicReference<>();
        UniAssertSubscriber<long[]> before = cache.ids("b", limit -> Uni.createFrom().<long[]>emitter(pending::set))
                .subscribe().withSubscriber(UniAssertSubscriber.create());

        cache.invalidate();
        pending.get().complete(new long[] { 2 });
        assertArrayEquals(new long[] { 2 }, before.assertCompleted().getItem(), "the requests that waited get their answer");
        assertEquals(0, cache.totalIds());

        assertArrayEquals(new long[] { 1, 10 }, get(cache, "a", loading(1, 10)));
        assertArrayEquals(new long[] { 2, 20 }, get(cache, "b", loading(2, 20)));
        assertEquals(4, cache.loads());
    }

    @Test
    void aPageIsTheIdsAfterTheCursor() {
        long[] ids = { 2, 5, 9, 12 };
        assertEquals(List.of(2L, 5L), SearchCache.page(ids, 0, 2));
        assertEquals(List.of(9L, 12L), SearchCache.page(ids, 5, 3));
        assertEquals(List.of(9L), SearchCache.page(ids, 6, 1), "a cursor whose book no longer matches");
        assertEquals(List.of(), SearchCache.page(ids, 12, 3));
        assertEquals(List.of(), SearchCache.page(ids, 40, 3));
        assertEquals(List.of(), SearchCache.page(new long[0], 0, 3));
    }
}
