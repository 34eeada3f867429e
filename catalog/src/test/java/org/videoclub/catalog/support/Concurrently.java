package org.videoclub.catalog.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs the same client call from many threads released together, as a burst of users would. */
public final class Concurrently {

    private Concurrently() {
    }

    /** {@code call}'s results, one per thread, after all {@code threads} started it at the same moment. */
    public static <T> List<T> run(int threads, Callable<T> call) throws Exception {
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService clients = Executors.newFixedThreadPool(threads);
        try {
            Callable<T> released = () -> {
                start.await(10, TimeUnit.SECONDS);
                return call.call();
            };
            List<T> results = new ArrayList<>();
            for (Future<T> answer : clients.invokeAll(Collections.nCopies(threads, released))) {
                results.add(answer.get());
            }
            return results;
        } finally {
            clients.shutdownNow();
        }
    }
}
