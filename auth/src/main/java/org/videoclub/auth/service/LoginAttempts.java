package org.videoclub.auth.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.videoclub.auth.config.AuthConfig;
import org.videoclub.auth.model.AuditEventType;
import org.videoclub.auth.model.LoginThrottle;
import org.videoclub.auth.repository.LoginThrottleRepository;
import org.videoclub.auth.security.PasswordHasher;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Password attempts per canonical username (SPEC section 3), for logins and for the currentPassword of a password
 * change. An attempt takes its place in the count, under the counter's row lock, before its password is checked:
 * the attempt that reaches auth.login.throttle.max-failures also sets the lock, so whatever the concurrency at most
 * that many passwords are checked per lock window, and every later attempt is refused with 429 without a check.
 * A right password clears the count. Unknown usernames are counted alike, so throttling tells nothing of which
 * usernames exist.
 */
@ApplicationScoped
public class LoginAttempts {

    private static final String LOCKED = "Too many failed attempts for this username; try again later.";

    private final LoginThrottleRepository throttles;
    private final AuditService audit;
    private final PasswordHasher hasher;
    private final AuthConfig config;

    LoginAttempts(LoginThrottleRepository throttles, AuditService audit, PasswordHasher hasher, AuthConfig config) {
        this.throttles = throttles;
        this.audit = audit;
        this.hasher = hasher;
        this.config = config;
    }

    /**
     * Counts an attempt for {@code canonical}, in a transaction of its own, and hands out the place in the bcrypt
     * queue its password check will use (the caller releases it). Under the counter's row lock: when the username
     * is locked, nothing is counted, the throttling is recorded (about {@code subjectId}, the account if there is
     * one) and the Uni fails with 429 and Retry-After; when the bcrypt queue is full, nothing is counted and it
     * fails with 503 and Retry-After.
     */
    public Uni<PasswordHasher.Permit> admit(String canonical, Long actorId, Long subjectId, Origin origin) {
        AtomicReference<PasswordHasher.Permit> taken = new AtomicReference<>();
        return Panache.withTransaction(() -> {
            Instant now = Instant.now();
            return throttles.lockOrCreate(canonical, now).flatMap(throttle -> {
                if (throttle.lockedUntil != null && throttle.lockedUntil.isAfter(now)) {
                    long seconds = Math.max(1, (Duration.between(now, throttle.lockedUntil).toMillis() + 999) / 1000);
                    return audit.record(AuditEventType.LOGIN_THROTTLED, actorId, subjectId, origin)
                            .replaceWith(ProblemException.tooManyRequests(LOCKED, seconds));
                }
                Optional<PasswordHasher.Permit> permit = hasher.tryAdmit();
                if (permit.isEmpty()) {
                    return Uni.createFrom().item(busy());
                }
                taken.set(permit.get());
                count(throttle, now);
                return Uni.createFrom().<ProblemException> nullItem();
            });
        }).onFailure().invoke(() -> release(taken)).map(refusal -> {
            if (refusal != null) {
                throw refusal;
            }
            return taken.get();
        });
    }

    /** The 503 for a full bcrypt queue. */
    static ProblemException busy() {
        return ProblemException.unavailable("Too many passwords are being checked right now; try again shortly.", 1);
    }

    private static void release(AtomicReference<PasswordHasher.Permit> taken) {
        PasswordHasher.Permit permit = taken.get();
        if (permit != null) {
            permit.release();
        }
    }

    /** The password was right: the count starts again. Part of the caller's transaction. */
    public Uni<Void> succeeded(String canonical) {
        return throttles.deleteById(canonical).replaceWithVoid();
    }

    /** One more attempt in a row; the one that reaches the limit locks, each further one doubles the lock. */
    private void count(LoginThrottle throttle, Instant now) {
        AuthConfig.Login.Throttle policy = config.login().throttle();
        throttle.failures++;
        throttle.updatedAt = now;
        int beyond = throttle.failures - policy.maxFailures();
        if (beyond >= 0) {
            Duration lock = policy.baseDelay().multipliedBy(1L << Math.min(beyond, 20));
            throttle.lockedUntil = now.plus(lock.compareTo(policy.maxDelay()) > 0 ? policy.maxDelay() : lock);
        }
    }
}
