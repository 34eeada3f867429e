package org.videoclub.catalog.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.videoclub.catalog.config.CatalogConfig;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The complete, sorted ids of the books matching a full-text expression, kept for {@code catalog.search.cache-ttl}, so
 * that only the first page of a search pays for MariaDB's full-text search (which materialises and sorts every match
 * whatever the LIMIT) and later pages and repeated searches only slice the list.
 * <p>
 * A Caffeine cache of loads: concurrent requests for an expression not cached yet share one load (single flight); a
 * load that fails is not kept; {@link #invalidate()} forgets everything, and a load running at that moment is not kept
 * either. At most {@code cache-max-queries} expressions and {@code cache-max-total-ids} ids are kept; when full,
 * Caffeine decides which expression goes (W-TinyLFU: frequently repeated searches are kept over one-off ones).
 */
@Startup // its metrics exist from start-up, not from the first search
@ApplicationScoped
// Caffeine loads the class of a weighted cache with variable expiry by name; quarkus-caffeine registers only the
// unweighted ones for the native image
@RegisterForReflection(classNames = "com.github.benmanes.caffeine.cache.SSMWA")
public class SearchCache {

    /** The matches of one expression, or null ids when there are too many to cache; and when their load started. */
    private record Matches(long[] ids, long startedAt) {
        int size() {
            return ids == null ? 0 : ids.length;
        }
    }

    /** The most ids one expression may have to be cached: cache-max-ids, or less if the total bound is lower. */
    private final int maxIds;
    private final LongSupplier nanoTime;
    /** Null when the cache is disabled. */
    private final AsyncCache<String, Matches> searches;
    private final AtomicLong loads = new AtomicLong();

    @Inject
    SearchCache(CatalogConfig config, MeterRegistry registry) {
        this(config.search().cacheTtl(), config.search().cacheMaxQueries(), config.search().cacheMaxIds(),
                config.search().cacheMaxTotalIds(), System::nanoTime);
        FunctionCounter.builder("catalog.search.cache.loads", this, SearchCache::loads)
                .description("Full-text queries run to fill the search cache")
                .register(registry);
        Gauge.builder("catalog.search.cache.ids", this, SearchCache::totalIds)
                .description("Book ids held by the search cache")
                .register(registry);
    }

    /** {@code nanoTime} is a monotonic clock ({@link System#nanoTime()} outside tests): a TTL must not follow wall-clock jumps. */
    SearchCache(Duration ttl, int maxQueries, int maxIds, long maxTotalIds, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        if (ttl.isNegative() || ttl.isZero() || maxQueries <= 0) {
            this.maxIds = 0;
            this.searches = null;
            return;
        }
        /*
         * Caffeine has one bound, a total weight; both of ours are encoded in it. Every expression weighs at least one
         * slot, and ids beyond a slot weigh one each; the budget is maxQueries slots. Then at most maxQueries
         * expressions fit, maxQueries expressions of up to a slot of ids each do fit, and the ids kept are at most
         * maxQueries * slot <= maxTotalIds (rounding the slot down gives up fewer than maxQueries ids of the budget;
         * rounding it up would keep fewer expressions than maxQueries). When maxTotalIds < maxQueries, a slot is one
         * id and at most maxTotalIds expressions are kept.
         */
        long slot = Math.min(Integer.MAX_VALUE, Math.max(1, maxTotalIds / maxQueries));
        long budget = Math.min(Math.max(maxTotalIds, 0), slot * maxQueries);
        this.maxIds = (int) Math.min(maxIds, budget);
        long ttlNanos = ttl.toNanos();
        this.searches = Caffeine.newBuilder()
                .maximumWeight(budget)
                .weigher((String expression, Matches matches) -> (int) Math.max(matches.size(), slot))
                // from the start of the load, so that no list is older than the TTL; a load still running does not expire
                .expireAfter(Expiry.creating((String expression, Matches matches) -> Duration
                        .ofNanos(Math.max(0, matches.startedAt() + ttlNanos - nanoTime.getAsLong()))))
                .ticker(nanoTime::getAsLong)
                // evictions and expiries are applied by the calling thread: no task on the common pool
                .executor(Runnable::run)
                .buildAsync();
    }

    /**
     * The sorted ids of the books matching {@code expression}, or null when they are not cached: the cache is disabled
     * or the expression matches more than {@code cache-max-ids} books (the caller then pages in SQL). On a miss,
     * {@code load} is called with a row limit and must yield the sorted ids of up to that many matching books.
     */
    public Uni<long[]> ids(String expression, IntFunction<Uni<long[]>> load) {
        if (searches == null) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().deferred(() -> {
            CompletableFuture<Matches> created = new CompletableFuture<>();
            CompletableFuture<Matches> shared = searches.get(expression, (key, executor) -> created);
            if (shared == created) {
                // started once the future is in the cache, not inside Caffeine's map lock
                startLoad(created, load);
            }
            // a copy: a request that gives up cancels its copy, not the load the others wait for
            return onCallersContext(Uni.createFrom().completionStage(shared.copy()).map(Matches::ids));
        });
    }

    /** Forgets every cached search, and any load running now: a book was created, changed or deleted. */
    public void invalidate() {
        if (searches != null) {
            searches.synchronous().invalidateAll();
        }
    }

    /**
     * The ids of {@code sortedIds} after {@code afterId}, at most {@code size} of them: the page a keyset cursor asks
     * for, found by binary search.
     */
    public static List<Long> page(long[] sortedIds, long afterId, int size) {
        int position = Arrays.binarySearch(sortedIds, afterId);
        int from = position >= 0 ? position + 1 : -position - 1;
        int to = Math.min(sortedIds.length, from + size);
        List<Long> page = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            page.add(sortedIds[i]);
        }
        return page;
    }

    long loads() {
        return loads.get();
    }

    /** Expressions kept, loaded or loading. */
    long size() {
        if (searches == null) {
            return 0;
        }
        searches.synchronous().cleanUp();
        return searches.synchronous().estimatedSize();
    }

    /** Ids held by the loaded expressions. */
    long totalIds() {
        if (searches == null) {
            return 0;
        }
        searches.synchronous().cleanUp();
        // the synchronous view leaves out loads still running
        return searches.synchronous().asMap().values().stream().mapToLong(Matches::size).sum();
    }

    /**
     * Runs {@code load} in the caller's context (where its Hibernate Reactive session lives) and completes
     * {@code created} with its result; a list too long to cache is remembered as null, so that the expression goes
     * straight to SQL until the entry expires.
     */
    private void startLoad(CompletableFuture<Matches> created, IntFunction<Uni<long[]>> load) {
        long startedAt = nanoTime.getAsLong();
        // One more row than cacheable tells "too many" without reading all of a huge match set.
        int limit = maxIds == Integer.MAX_VALUE ? maxIds : maxIds + 1;
        loads.incrementAndGet();
        Uni.createFrom().deferred(() -> load.apply(limit)).subscribe().with(
                ids -> created.complete(new Matches(ids.length > maxIds ? null : ids, startedAt)),
                created::completeExceptionally);
    }

    /**
     * A load shared by several requests completes on the event loop, and in the Vert.x context, of the request that ran
     * it; each other request must continue in its own context, where its Hibernate Reactive session lives.
     */
    private static Uni<long[]> onCallersContext(Uni<long[]> shared) {
        Context caller = Vertx.currentContext();
        if (caller == null) {
            return shared;
        }
        return shared.emitOn(task -> {
            if (Vertx.currentContext() == caller) {
                task.run();
            } else {
                caller.runOnContext(ignored -> task.run());
            }
        });
    }
}
