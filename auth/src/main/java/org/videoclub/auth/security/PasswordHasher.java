package org.videoclub.auth.security;

import jakarta.enterprise.context.ApplicationScoped;

import org.videoclub.auth.config.AuthConfig;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.WorkerExecutor;

/**
 * bcrypt hashing and checking. Both take tens of milliseconds of CPU, so they run on a worker pool of their own
 * (auth.password.hash-threads, default one per core): a burst of logins queues there rather than filling the shared
 * worker pool. The result comes back on the caller's Vert.x context, where Hibernate Reactive can go on.
 */
@ApplicationScoped
public class PasswordHasher {

    private final WorkerExecutor bcryptPool;
    private final int cost;
    /** Checked against when the username is unknown, so that unknown users and wrong passwords take as long. */
    private final String dummyHash;

    PasswordHasher(Vertx vertx, AuthConfig config) {
        this.bcryptPool = vertx.createSharedWorkerExecutor("bcrypt",
                config.password().hashThreads().orElse(Runtime.getRuntime().availableProcessors()));
        this.cost = config.password().bcryptCost();
        this.dummyHash = BcryptUtil.bcryptHash("not a password of anyone", cost);
    }

    public Uni<String> hash(String password) {
        return bcryptPool.executeBlocking(() -> BcryptUtil.bcryptHash(password, cost), false);
    }

    /** Checks {@code password} against {@code hash}, or against a dummy hash when there is none. */
    public Uni<Boolean> matches(String password, String hash) {
        boolean known = hash != null;
        String checked = known ? hash : dummyHash;
        return bcryptPool.executeBlocking(() -> BcryptUtil.matches(password, checked) && known, false);
    }
}
