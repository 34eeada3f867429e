package org.videoclub.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Runs client calls from many threads released together, as a burst of users would. */
public final class Concurrently {

    private Concurrently() {
    }

    /** {@code call}'s results, one per thread, after all {@code threads} started it at the same moment. */
    public static <T> List<T> run(int threads, Callable<T> call) throws Exception {
        return run(threads, index -> call);
    }

    /** The results of {@code calls.apply(i)} for i from 0 to threads - 1, all started at the same moment. */
    public static <T> List<T> run(int threads, IntFunction<Callable<T>> calls) throws Exception {
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService clients = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<T>> released = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<T> call = calls.apply(i);
                released.add(() -> {
                    start.await(); // every thread of the pool reaches it
                    return call.call();
                });
            }
            List<T> results = new ArrayList<>();
            for (Future<T> answer : clients.invokeAll(released)) {
                results.add(answer.get());
            }
            return Collections.unmodifiableList(results);
        } finally {
            clients.shutdownNow();
        }
    }
}
