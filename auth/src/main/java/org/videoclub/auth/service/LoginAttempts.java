package org.videoclub.auth.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.videoclub.auth.repository.DatabaseDeadline;
import org.videoclub.auth.config.AuthConfig;
import org.videoclub.auth.model.AuditEventType;
import org.videoclub.auth.repository.LoginThrottleRepository;
import org.videoclub.auth.security.PasswordHasher;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Password attempts per canonical username (SPEC section 3), for logins and for the currentPassword of a password
 * change. An attempt takes its place in the count, in one atomic statement, before its password is checked:
 * the attempt that reaches auth.login.throttle.max-failures also sets the lock, so whatever the concurrency at most
 * that many passwords are checked per lock window, and every later attempt is refused with 429 without a check.
 * A right password clears the count. Unknown usernames are counted alike, so throttling tells nothing of which
 * usernames exist.
 */
@ApplicationScoped
@DatabaseDeadline
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
     * Counts an attempt for {@code canonical} and hands out the place in the bcrypt queue its password check will
     * use (the caller releases it). The place is taken first, so that an attempt refused for a full queue (503 with
     * Retry-After) is not counted; a locked username is refused with 429 and Retry-After either way, nothing is
     * counted and the throttling is recorded (about {@code subjectId}, the account if there is one).
     */
    public Uni<PasswordHasher.Permit> admit(String canonical, Long actorId, Long subjectId, Origin origin) {
        AuthConfig.Login.Throttle policy = config.login().throttle();
        Instant now = Instant.now();
        Optional<PasswordHasher.Permit> place = hasher.tryAdmit();
        if (place.isEmpty()) {
            return throttles.findById(canonical).flatMap(throttle -> throttle != null && throttle.lockedUntil != null
                    && throttle.lockedUntil.isAfter(now)
                            ? refuseLocked(canonical, actorId, subjectId, origin)
                            : Uni.createFrom().failure(busy()));
        }
        PasswordHasher.Permit permit = place.get();
        return Panache.withSession(() -> throttles.countAttempt(canonical, now, policy.maxFailures(),
                policy.baseDelay(), policy.maxDelay()))
                .onFailure().invoke(permit::release)
                .flatMap(counted -> {
                    if (!counted) {
                        permit.release();
                        return refuseLocked(canonical, actorId, subjectId, origin);
                    }
                    return Uni.createFrom().item(permit);
                });
    }

    private Uni<PasswordHasher.Permit> refuseLocked(String canonical, Long actorId, Long subjectId, Origin origin) {
        return Panache.withTransaction(() -> throttles.findById(canonical)
                .call(() -> audit.record(AuditEventType.LOGIN_THROTTLED, actorId, subjectId, origin)))
                .flatMap(throttle -> {
                    Instant now = Instant.now();
                    Instant until = throttle == null || throttle.lockedUntil == null ? now : throttle.lockedUntil;
                    long seconds = Math.max(1, (Duration.between(now, until).toMillis() + 999) / 1000);
                    return Uni.createFrom().failure(ProblemException.tooManyRequests(LOCKED, seconds));
                });
    }

    /** The 503 for a full bcrypt queue. */
    static ProblemException busy() {
        return ProblemException.unavailable("Too many passwords are being checked right now; try again shortly.", 1);
    }

    /** The password was right: the count starts again. Part of the caller's transaction. */
    public Uni<Void> succeeded(String canonical) {
        return throttles.deleteById(canonical).replaceWithVoid();
    }
}
