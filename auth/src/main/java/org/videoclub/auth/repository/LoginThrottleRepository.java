package org.videoclub.auth.repository;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.videoclub.auth.model.LoginThrottle;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class LoginThrottleRepository implements PanacheRepositoryBase<LoginThrottle, String> {

    /**
     * The counter of {@code usernameKey}, made when there is none, and locked for update until the transaction ends:
     * concurrent attempts for one username take their places in the count one after the other. The upsert takes the
     * row lock even when the row exists (an INSERT IGNORE followed by SELECT ... FOR UPDATE can deadlock two new
     * attempts), and concurrent upserts of a new username neither collide nor get lost.
     */
    public Uni<LoginThrottle> lockOrCreate(String usernameKey, Instant now) {
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery("INSERT INTO login_throttle (username_key, failures, locked_until, updated_at)"
                        + " VALUES (?1, 0, NULL, ?2) ON DUPLICATE KEY UPDATE username_key = username_key")
                .setParameter(1, usernameKey)
                .setParameter(2, now)
                .executeUpdate()
                .flatMap(ignored -> session.find(LoginThrottle.class, usernameKey, LockModeType.PESSIMISTIC_WRITE)));
    }
}
