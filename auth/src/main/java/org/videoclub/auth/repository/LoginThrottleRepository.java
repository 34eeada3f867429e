package org.videoclub.auth.repository;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.videoclub.auth.model.LoginThrottle;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Attempt counters, changed only by single atomic statements: concurrent attempts for one username take their
 * places in the count one after the other, and none holds the row locked longer than its statement.
 */
@ApplicationScoped
@WithSession
@DatabaseDeadline
public class LoginThrottleRepository implements PanacheRepositoryBase<LoginThrottle, String> {

    /**
     * Counts one attempt unless the username is locked; the attempt that reaches {@code maxFailures} locks it for
     * {@code baseDelay}, each further one for twice as long as the one before, at most {@code maxDelay}.
     *
     * @return true when the attempt was counted (its password may be checked); false when the username is locked
     */
    public Uni<Boolean> countAttempt(String usernameKey, Instant now, int maxFailures, Duration baseDelay,
            Duration maxDelay) {
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery("INSERT INTO login_throttle (username_key, failures, locked_until, updated_at)"
                        + " VALUES (?1, 0, NULL, ?2) ON DUPLICATE KEY UPDATE username_key = username_key")
                .setParameter(1, usernameKey)
                .setParameter(2, now)
                .executeUpdate()
                // Every expression reads the row as it was: locked_until is assigned before failures changes.
                .flatMap(created -> session.createNativeQuery("UPDATE login_throttle SET"
                        + " locked_until = IF(failures + 1 >= ?3, DATE_ADD(?2, INTERVAL"
                        + " CAST(LEAST(?4 * POW(2, LEAST(failures + 1 - ?3, 20)), ?5) AS SIGNED) MICROSECOND),"
                        + " locked_until),"
                        + " failures = failures + 1, updated_at = ?2"
                        + " WHERE username_key = ?1 AND (locked_until IS NULL OR locked_until <= ?2)")
                        .setParameter(1, usernameKey)
                        .setParameter(2, now)
                        .setParameter(3, maxFailures)
                        .setParameter(4, baseDelay.toNanos() / 1000)
                        .setParameter(5, maxDelay.toNanos() / 1000)
                        .executeUpdate())
                .map(rows -> rows == 1));
    }
}
