package org.videoclub.auth.security;

import jakarta.enterprise.context.ApplicationScoped;

import org.videoclub.auth.config.AuthConfig;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * bcrypt hashing and checking. Both take tens of milliseconds of CPU, so they run on a worker thread; the result
 * comes back on the caller's Vert.x context, where Hibernate Reactive can go on.
 */
@ApplicationScoped
public class PasswordHasher {

    private final Vertx vertx;
    private final int cost;
    /** Checked against when the username is unknown, so that unknown users and wrong passwords take as long. */
    private final String dummyHash;

    PasswordHasher(Vertx vertx, AuthConfig config) {
        this.vertx = vertx;
        this.cost = config.password().bcryptCost();
        this.dummyHash = BcryptUtil.bcryptHash("not a password of anyone", cost);
    }

    public Uni<String> hash(String password) {
        return vertx.executeBlocking(() -> BcryptUtil.bcryptHash(password, cost), false);
    }

    /** Checks {@code password} against {@code hash}, or against a dummy hash when there is none. */
    public Uni<Boolean> matches(String password, String hash) {
        boolean known = hash != null;
        String checked = known ? hash : dummyHash;
        return vertx.executeBlocking(() -> BcryptUtil.matches(password, checked) && known, false);
    }
}
