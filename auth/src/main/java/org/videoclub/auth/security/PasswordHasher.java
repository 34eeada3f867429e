package org.videoclub.auth.security;

import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.videoclub.auth.config.AuthConfig;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.WorkerExecutor;

/**
 * bcrypt hashing and checking. Both take tens of milliseconds of CPU, so they run on a worker pool of their own
 * (auth.password.hash-threads, default one per core): a burst of logins queues there rather than filling the shared
 * worker pool. The queue is bounded (auth.password.hash-queue): a request first takes a {@link Permit}, and when
 * none is left it is refused at once instead of waiting without end. The result comes back on the caller's Vert.x
 * context, where Hibernate Reactive can go on.
 */
@ApplicationScoped
public class PasswordHasher {

    /** A place in the hashing queue, held from before the first bcrypt of a request until its last one is done. */
    public static final class Permit {
        private final Semaphore places;
        private final AtomicBoolean released = new AtomicBoolean();

        private Permit(Semaphore places) {
            this.places = places;
        }

        /** Gives the place back; only the first call counts. */
        public void release() {
            if (released.compareAndSet(false, true)) {
                places.release();
            }
        }
    }

    private final WorkerExecutor bcryptPool;
    private final int cost;
    /** Checked against when the username is unknown, so that unknown users and wrong passwords take as long. */
    private final String dummyHash;
    /** Threads plus waiting places: java.util.concurrent's semaphore, as Vert.x's worker queue has no bound. */
    private final Semaphore places;
    private final Counter hashes;
    private final Counter checks;
    private final Counter refusals;

    PasswordHasher(Vertx vertx, AuthConfig config, MeterRegistry metrics) {
        int threads = config.password().hashThreads().orElse(Runtime.getRuntime().availableProcessors());
        this.bcryptPool = vertx.createSharedWorkerExecutor("bcrypt", threads);
        this.cost = config.password().bcryptCost();
        this.dummyHash = BcryptUtil.bcryptHash("not a password of anyone", cost);
        this.places = new Semaphore(threads + config.password().hashQueue());
        this.hashes = metrics.counter("videoclub.auth.bcrypt", "operation", "hash");
        this.checks = metrics.counter("videoclub.auth.bcrypt", "operation", "check");
        this.refusals = metrics.counter("videoclub.auth.bcrypt.refused");
    }

    /** A place in the queue, or empty when the queue is full (the caller answers 503). */
    public Optional<Permit> tryAdmit() {
        if (places.tryAcquire()) {
            return Optional.of(new Permit(places));
        }
        refusals.increment();
        return Optional.empty();
    }

    public Uni<String> hash(Permit permit, String password) {
        return bcryptPool.executeBlocking(() -> {
            hashes.increment();
            return BcryptUtil.bcryptHash(password, cost);
        }, false);
    }

    /** Checks {@code password} against {@code hash}, or against a dummy hash when there is none. */
    public Uni<Boolean> matches(Permit permit, String password, String hash) {
        boolean known = hash != null;
        String checked = known ? hash : dummyHash;
        return bcryptPool.executeBlocking(() -> {
            checks.increment();
            return BcryptUtil.matches(password, checked) && known;
        }, false);
    }
}
