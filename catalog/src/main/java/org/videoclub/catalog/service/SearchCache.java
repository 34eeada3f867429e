package org.videoclub.catalog.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.videoclub.catalog.config.CatalogConfig;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The complete, sorted ids of the books matching a full-text expression, kept for {@code catalog.search.cache-ttl}, so
 * that only the first page of a search pays for MariaDB's full-text search (which materialises and sorts every match
 * whatever the LIMIT) and later pages and repeated searches only slice the list.
 * <p>
 * Concurrent requests for an expression not cached yet share one load (single flight). Loads that fail are not kept.
 * {@link #invalidate()} forgets everything, and a load running at that moment is not kept either. Memory is bounded by
 * the number of expressions, the ids of one expression and the ids of all of them together; the least recently used
 * expression goes first.
 */
@Startup // its metrics exist from start-up, not from the first search
@ApplicationScoped
public class SearchCache {

    private final long ttlNanos;
    private final int maxQueries;
    /** The most ids one expression may have to be cached: cache-max-ids, or less if the total bound is lower. */
    private final int maxIds;
    private final long maxTotalIds;
    private final LongSupplier nanoTime;
    /** In access order: the first entry is the least recently used. Guarded by itself; no I/O runs under the lock. */
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    /** Ids held by the loaded entries of {@link #entries}; guarded by {@link #entries}. */
    private long totalIds;
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
        this.ttlNanos = ttl.isNegative() ? 0 : ttl.toNanos();
        this.maxQueries = maxQueries;
        this.maxIds = (int) Math.min(maxIds, maxTotalIds);
        this.maxTotalIds = maxTotalIds;
        this.nanoTime = nanoTime;
    }

    /**
     * The sorted ids of the books matching {@code expression}, or null when they are not cached: the cache is disabled
     * or the expression matches more than {@code cache-max-ids} books (the caller then pages in SQL). On a miss,
     * {@code load} is called with a row limit and must yield the sorted ids of up to that many matching books.
     */
    public Uni<long[]> ids(String expression, IntFunction<Uni<long[]>> load) {
        if (ttlNanos == 0 || maxQueries <= 0) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().deferred(() -> {
            Entry entry;
            synchronized (entries) {
                long now = nanoTime.getAsLong();
                entry = entries.get(expression);
                if (entry == null || now - entry.startedAt >= ttlNanos) {
                    entry = new Entry(expression, now);
                    entry.result = startLoad(entry, load);
                    put(entry);
                }
            }
            return onCallersContext(entry.result);
        });
    }

    /** Forgets every cached search, and any load running now: a book was created, changed or deleted. */
    public void invalidate() {
        synchronized (entries) {
            entries.clear();
            totalIds = 0;
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

    long totalIds() {
        synchronized (entries) {
            return totalIds;
        }
    }

    private Uni<long[]> startLoad(Entry entry, IntFunction<Uni<long[]>> load) {
        // One more row than cacheable tells "too many" without reading all of a huge match set.
        int limit = maxIds == Integer.MAX_VALUE ? maxIds : maxIds + 1;
        return Uni.createFrom().deferred(() -> {
            loads.incrementAndGet();
            return load.apply(limit);
        })
                .map(ids -> settle(entry, ids))
                .onFailure().invoke(() -> forget(entry))
                .memoize().indefinitely();
    }

    /**
     * Keeps a finished load if its entry is still current (not invalidated, expired or evicted meanwhile); a list too long
     * to cache is remembered as null, so that the expression goes straight to SQL until the entry expires.
     */
    private long[] settle(Entry entry, long[] ids) {
        long[] kept = ids.length > maxIds ? null : ids;
        synchronized (entries) {
            if (entries.get(entry.expression) == entry) {
                entry.size = kept == null ? 0 : kept.length;
                totalIds += entry.size;
                evictOverBudget(entry);
            }
        }
        return kept;
    }

    /** Drops the entry of a failed load, so that the next request tries again; it holds no ids. */
    private void forget(Entry entry) {
        synchronized (entries) {
            if (entries.get(entry.expression) == entry) {
                entries.remove(entry.expression);
            }
        }
    }

    /** Called with the lock held. */
    private void put(Entry entry) {
        Entry replaced = entries.put(entry.expression, entry);
        if (replaced != null) {
            totalIds -= replaced.size;
        }
        evictOverBudget(entry);
    }

    /** Drops the least recently used entries other than {@code keep} until both bounds hold. Called with the lock held. */
    private void evictOverBudget(Entry keep) {
        Iterator<Entry> eldestFirst = entries.values().iterator();
        while ((entries.size() > maxQueries || totalIds > maxTotalIds) && eldestFirst.hasNext()) {
            Entry eldest = eldestFirst.next();
            if (eldest != keep) {
                eldestFirst.remove();
                totalIds -= eldest.size;
            }
        }
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

    private static final class Entry {
        final String expression;
        /** When the load started: the TTL counts from here, so no list is older than the TTL. */
        final long startedAt;
        /** The memoized load; set once, under the lock, before the entry is published. */
        Uni<long[]> result;
        /** Ids held once loaded; guarded by the cache's lock. */
        long size;

        Entry(String expression, long startedAt) {
            this.expression = expression;
            this.startedAt = startedAt;
        }
    }
}
