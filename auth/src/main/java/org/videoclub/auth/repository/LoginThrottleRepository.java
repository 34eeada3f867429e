package org.videoclub.auth.repository;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.videoclub.auth.model.LoginThrottle;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
@DatabaseDeadline
public class LoginThrottleRepository implements PanacheRepositoryBase<LoginThrottle, String> {

    /**
     * Counts one more failure atomically (an upsert, so concurrent failures for a new username neither collide nor
     * get lost) and returns the row, locked for update until the transaction ends.
     */
    public Uni<LoginThrottle> recordFailure(String usernameKey, Instant now) {
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery("INSERT INTO login_throttle (username_key, failures, locked_until, updated_at)"
                        + " VALUES (?1, 1, NULL, ?2)"
                        + " ON DUPLICATE KEY UPDATE failures = failures + 1, updated_at = VALUES(updated_at)")
                .setParameter(1, usernameKey)
                .setParameter(2, now)
                .executeUpdate()
                .flatMap(ignored -> session.find(LoginThrottle.class, usernameKey)
                        .call(throttle -> session.refresh(throttle))));
    }
}
