package org.videoclub.auth.service;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.videoclub.auth.config.AuthConfig;
import org.videoclub.auth.model.AuditEventType;
import org.videoclub.auth.model.RefreshToken;
import org.videoclub.auth.model.Revocation;
import org.videoclub.auth.model.Session;
import org.videoclub.auth.model.User;
import org.videoclub.auth.repository.DatabaseDeadline;
import org.videoclub.auth.repository.RefreshTokenRepository;
import org.videoclub.auth.repository.RevocationRepository;
import org.videoclub.auth.repository.SessionRepository;
import org.videoclub.auth.repository.UserRepository;
import org.videoclub.auth.security.PasswordHasher;
import org.videoclub.auth.security.TokenIssuer;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Logins, refresh-token rotation, logout and the revocations they publish. */
@ApplicationScoped
@DatabaseDeadline
public class SessionService {

    /** What a login or a refresh hands out. */
    public record Tokens(String accessToken, long expiresIn, String refreshToken, User user) {
    }

    private static final String INVALID_LOGIN = "Invalid username or password.";
    private static final String INVALID_REFRESH = "The refresh token is not valid.";

    private final UserRepository users;
    private final SessionRepository sessions;
    private final RefreshTokenRepository refreshTokens;
    private final RevocationRepository revocations;
    private final LoginAttempts attempts;
    private final AuditService audit;
    private final PasswordHasher hasher;
    private final TokenIssuer issuer;
    private final AuthConfig config;
    private final MeterRegistry metrics;
    private final SecureRandom random = new SecureRandom();

    SessionService(UserRepository users, SessionRepository sessions, RefreshTokenRepository refreshTokens,
            RevocationRepository revocations, LoginAttempts attempts, AuditService audit, PasswordHasher hasher,
            TokenIssuer issuer, AuthConfig config, MeterRegistry metrics) {
        this.users = users;
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.revocations = revocations;
        this.attempts = attempts;
        this.audit = audit;
        this.hasher = hasher;
        this.issuer = issuer;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * Checks the password and opens a session. The username is taken in its canonical form; a name outside the
     * username alphabet names no account and is refused at once, like a wrong password. Otherwise the attempt takes
     * its place in the throttle count first (429 past the limit, with no password check), then the password is
     * checked on the bounded bcrypt pool (503 when it is full), against a dummy hash for unknown users, so that both
     * failures look and take the same.
     */
    public Uni<Tokens> login(String username, String password, Origin origin) {
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
                                .flatMap(ignored -> openSession(user, Instant.now()))
                                .call(() -> audit.record(AuditEventType.LOGIN_SUCCEEDED, user.id, user.id, origin)))
                        : failedLogin(user == null ? null : user.id, origin)))
                .invoke(tokens -> count("success"));
    }

    private Uni<Tokens> failedLogin(Long subjectId, Origin origin) {
        return audit.recordAlone(AuditEventType.LOGIN_FAILED, null, subjectId, origin).flatMap(ignored -> {
            count("failure");
            return Uni.createFrom().<Tokens> failure(ProblemException.unauthorized(INVALID_LOGIN));
        });
    }

    /**
     * Rotates a refresh token. A token that was already used revokes its whole session (it may have been stolen).
     * The session row is locked before anything is decided, so that a revocation committed meanwhile is seen here,
     * and one that comes later waits for this rotation and publishes the expiry of the token it issued.
     */
    public Uni<Tokens> refresh(String refreshToken, Origin origin) {
        String hash = sha256(refreshToken);
        Instant now = Instant.now();
        // The transaction must commit a theft revocation, so failures are decided after it.
        return Panache.withTransaction(() -> refreshTokens.findById(hash).<Tokens> flatMap(token -> token == null
                ? Uni.createFrom().nullItem()
                : sessions.findForUpdate(token.sessionId).flatMap(session -> session == null
                        ? Uni.createFrom().nullItem()
                        : refreshTokens.markUsed(hash, now).flatMap(firstUse -> {
                            if (!session.isActive(now)) {
                                return Uni.createFrom().nullItem();
                            }
                            if (!firstUse) {
                                return revoke(List.of(session), now)
                                        .call(() -> audit.record(AuditEventType.REFRESH_TOKEN_REUSED, null,
                                                session.userId, origin))
                                        .map(ignored -> null);
                            }
                            return users.findById(session.userId).flatMap(user -> rotate(session, user, now));
                        }))))
                .map(tokens -> {
                    if (tokens == null) {
                        throw ProblemException.unauthorized(INVALID_REFRESH);
                    }
                    return tokens;
                });
    }

    /** Revokes the session (locked first, so a refresh running at the same time cannot undo it). */
    @WithTransaction
    public Uni<Void> logout(String sessionId, Long userId, Origin origin) {
        return sessions.findForUpdate(sessionId).flatMap(session -> session == null || session.revokedAt != null
                ? Uni.createFrom().voidItem()
                : revoke(List.of(session), Instant.now())
                        .call(() -> audit.record(AuditEventType.LOGOUT, userId, session.userId, origin)));
    }

    /** Revokes every open session of a user (locked first); part of the caller's transaction. */
    public Uni<Void> revokeAllOf(long userId) {
        return sessions.unrevokedOfUserForUpdate(userId).flatMap(open -> revoke(open, Instant.now()));
    }

    /** Marks the sessions revoked and publishes a feed entry for each one whose access tokens are still valid. */
    private Uni<Void> revoke(List<Session> toRevoke, Instant now) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Session session : toRevoke) {
            if (session.revokedAt != null) {
                continue;
            }
            session.revokedAt = now;
            if (session.accessExpiresAt.isAfter(now)) {
                Revocation revocation = new Revocation();
                revocation.sessionId = session.id;
                revocation.expiresAt = session.accessExpiresAt;
                revocation.revokedAt = now;
                chain = chain.call(() -> revocations.persist(revocation));
            }
        }
        return chain.call(() -> sessions.flush());
    }

    private Uni<Tokens> openSession(User user, Instant now) {
        Session session = new Session();
        session.id = randomToken(16);
        session.userId = user.id;
        session.createdAt = now;
        session.refreshExpiresAt = now.plus(config.token().refreshTtl());
        return issue(session, user, now, sessions.persist(session));
    }

    private Uni<Tokens> rotate(Session session, User user, Instant now) {
        return issue(session, user, now, Uni.createFrom().item(session));
    }

    private Uni<Tokens> issue(Session session, User user, Instant now, Uni<Session> saved) {
        // Whole seconds, as the token carries them: the revocation feed publishes the same expiry.
        Instant issuedAt = now.truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = issuedAt.plus(config.token().accessTtl());
        session.accessExpiresAt = expiresAt;
        String refreshToken = randomToken(32);
        RefreshToken stored = new RefreshToken();
        stored.tokenHash = sha256(refreshToken);
        stored.sessionId = session.id;
        stored.createdAt = now;
        String accessToken = issuer.accessToken(user, session.id, issuedAt, expiresAt);
        return saved.call(() -> refreshTokens.persist(stored))
                .map(ignored -> new Tokens(accessToken, config.token().accessTtl().toSeconds(), refreshToken, user));
    }

    private void count(String outcome) {
        metrics.counter("videoclub.auth.logins", "outcome", outcome).increment();
    }

    private String randomToken(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
