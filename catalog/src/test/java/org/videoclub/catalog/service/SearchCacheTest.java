package org.videoclub.catalog.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
    void theTtlCountsFromTheStartOfTheLoad() {
        SearchCache cache = cache(TTL, 10, 100, 1000);
        AtomicReference<UniEmitter<? super long[]>> pending = new AtomicReference<>();
        UniAssertSubscriber<long[]> first = cache.ids("+dune*", limit -> Uni.createFrom().<long[]>emitter(pending::set))
                .subscribe().withSubscriber(UniAssertSubscriber.create());
        nanos.addAndGet(TTL.toNanos() - 1);
        pending.get().complete(new long[] { 3 });
        assertArrayEquals(new long[] { 3 }, first.assertCompleted().getItem());
        assertArrayEquals(new long[] { 3 }, get(cache, "+dune*", loading(3, 7)));
        assertEquals(1, cache.loads());

        nanos.addAndGet(1);
        assertArrayEquals(new long[] { 3, 7 }, get(cache, "+dune*", loading(3, 7)));
        assertEquals(2, cache.loads());
    }

    @Test
    void maxQueriesSmallSearchesAreAllKept() {
        // 1000 / 3 is not whole: the three of them still fit the budget
        SearchCache cache = cache(TTL, 3, 100, 1000);
        for (String expression : List.of("a", "b", "c", "a", "b", "c")) {
            get(cache, expression, loading(1, 2));
        }
        assertEquals(3, cache.loads());
        assertEquals(3, cache.size());
    }

    /**
     * Which search makes room is Caffeine's choice (W-TinyLFU, not least recently used): what holds is both bounds, and
     * every request gets its own search's ids.
     */
    @ParameterizedTest
    @CsvSource({ "4, 100, 1000", "10, 3, 5", "10, 100, 25", "3, 100, 1000" })
    void atMostMaxQueriesSearchesAndMaxTotalIdsIdsAreKept(int maxQueries, int maxIds, long maxTotalIds) {
        SearchCache cache = cache(TTL, maxQueries, maxIds, maxTotalIds);
        for (int round = 0; round < 3; round++) {
            for (int search = 0; search < 30; search++) {
                long first = search * 10L;
                long[] ids = new long[search % 4];
                Arrays.setAll(ids, i -> first + i);
                assertArrayEquals(ids, get(cache, "q" + search, loading(ids)));
                assertTrue(cache.size() <= maxQueries, "searches kept: " + cache.size());
                assertTrue(cache.totalIds() <= maxTotalIds, "ids kept: " + cache.totalIds());
            }
        }
        assertTrue(cache.loads() > 30, "the cache was full and made room");
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
    void aSearchMatchingMoreThanTheWholeBudgetIsNotCached() {
        SearchCache smallTotal = cache(TTL, 10, 100, 2);
        assertNull(get(smallTotal, "three", loading(1, 2, 3)), "more than the whole budget is too many");
        assertEquals(3, lastLimit.get());
        assertEquals(0, smallTotal.totalIds());

        SearchCache justFits = cache(TTL, 10, 100, 2);
        assertArrayEquals(new long[] { 1, 2 }, get(justFits, "two", loading(1, 2)));
        assertArrayEquals(new long[] { 1, 2 }, get(justFits, "two", loading(1, 2)));
        assertEquals(1, justFits.loads(), "the whole budget is not too many");
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
