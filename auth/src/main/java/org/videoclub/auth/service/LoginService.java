package org.videoclub.auth.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.videoclub.auth.model.AuditEventType;
import org.videoclub.auth.repository.DatabaseDeadline;
import org.videoclub.auth.repository.UserRepository;
import org.videoclub.auth.security.PasswordHasher;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Logins: the throttle, the password check, and the session a good password opens. */
@ApplicationScoped
@DatabaseDeadline
public class LoginService {

    private static final String INVALID_LOGIN = "Invalid username or password.";

    private final UserRepository users;
    private final LoginAttempts attempts;
    private final SessionIssuer issuer;
    private final AuditService audit;
    private final PasswordHasher hasher;
    private final MeterRegistry metrics;

    LoginService(UserRepository users, LoginAttempts attempts, SessionIssuer issuer, AuditService audit,
            PasswordHasher hasher, MeterRegistry metrics) {
        this.users = users;
        this.attempts = attempts;
        this.issuer = issuer;
        this.audit = audit;
        this.hasher = hasher;
        this.metrics = metrics;
    }

    /**
     * Checks the password and opens a session. The username is taken in its canonical form; a name outside the
     * username alphabet names no account and is refused at once, like a wrong password. Otherwise the attempt takes
     * its place in the throttle count first (429 past the limit, with no password check), then the password is
     * checked on the bounded bcrypt pool (503 when it is full), against a dummy hash for unknown users, so that both
     * failures look and take the same.
     */
    public Uni<SessionTokens> login(String username, String password, Origin origin) {
        String canonical = Usernames.canonical(username);
        if (canonical == null) {
            return failedLogin(null, origin);
        }
        return users.findByCanonical(canonical).flatMap(user -> attempts
                .admit(canonical, null, user == null ? null : user.id, origin)
                .onFailure(ProblemException.class).invoke(e -> count(((ProblemException) e).status() == 429
                        ? "throttled" : "busy"))
                .flatMap(permit -> hasher.matches(permit, password, user == null ? null : user.passwordHash)
                        .eventually(permit::release))
                .flatMap(matches -> matches
                        ? Panache.withTransaction(() -> attempts.succeeded(canonical)
                                .flatMap(ignored -> issuer.open(user, Instant.now()))
                                .call(() -> audit.record(AuditEventType.LOGIN_SUCCEEDED, user.id, user.id, origin)))
                        : failedLogin(user == null ? null : user.id, origin)))
                .invoke(tokens -> count("success"));
    }

    private Uni<SessionTokens> failedLogin(Long subjectId, Origin origin) {
        return audit.recordAlone(AuditEventType.LOGIN_FAILED, null, subjectId, origin).flatMap(ignored -> {
            count("failure");
            return Uni.createFrom().<SessionTokens> failure(ProblemException.unauthorized(INVALID_LOGIN));
        });
    }

    private void count(String outcome) {
        metrics.counter("videoclub.auth.logins", "outcome", outcome).increment();
    }
}
