package org.videoclub.auth.service;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.videoclub.auth.config.AuthConfig;
import org.videoclub.auth.model.LoginThrottle;
import org.videoclub.auth.model.RefreshToken;
import org.videoclub.auth.model.Revocation;
import org.videoclub.auth.model.Session;
import org.videoclub.auth.model.User;
import org.videoclub.auth.repository.DatabaseDeadline;
import org.videoclub.auth.repository.LoginThrottleRepository;
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
    private final LoginThrottleRepository throttles;
    private final PasswordHasher hasher;
    private final TokenIssuer issuer;
    private final AuthConfig config;
    private final MeterRegistry metrics;
    private final SecureRandom random = new SecureRandom();

    SessionService(UserRepository users, SessionRepository sessions, RefreshTokenRepository refreshTokens,
            RevocationRepository revocations, LoginThrottleRepository throttles, PasswordHasher hasher,
            TokenIssuer issuer, AuthConfig config, MeterRegistry metrics) {
        this.users = users;
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.revocations = revocations;
        this.throttles = throttles;
        this.hasher = hasher;
        this.issuer = issuer;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * Checks the password (on a worker; against a dummy hash for unknown users, so both failures look and take the
     * same) and opens a session. Failed attempts in a row are counted per username; past the limit they are refused
     * with 429 before any password check.
     */
    public Uni<Tokens> login(String username, String password) {
        String throttleKey = username.toLowerCase(Locale.ROOT);
        return throttles.findById(throttleKey)
                .invoke(throttle -> refuseIfLocked(throttle, Instant.now()))
                .flatMap(ignored -> users.findByUsername(username))
                .flatMap(user -> hasher.matches(password, user == null ? null : user.passwordHash)
                        .map(matches -> matches ? user : null))
                .flatMap(user -> user == null
                        ? recordFailure(throttleKey)
                        : Panache.withTransaction(() -> throttles.deleteById(throttleKey)
                                .flatMap(ignored -> openSession(user, Instant.now()))))
                .invoke(tokens -> count("success"));
    }

    private void refuseIfLocked(LoginThrottle throttle, Instant now) {
        if (throttle != null && throttle.lockedUntil != null && throttle.lockedUntil.isAfter(now)) {
            count("throttled");
            long seconds = Math.max(1, (Duration.between(now, throttle.lockedUntil).toMillis() + 999) / 1000);
            throw ProblemException.tooManyRequests("Too many failed logins for this username; try again later.",
                    seconds);
        }
    }

    private Uni<Tokens> recordFailure(String throttleKey) {
        AuthConfig.Login.Throttle policy = config.login().throttle();
        Instant now = Instant.now();
        return Panache.withTransaction(() -> throttles.recordFailure(throttleKey, now).invoke(throttle -> {
            int beyond = throttle.failures - policy.maxFailures();
            if (beyond >= 0) {
                Duration lock = policy.baseDelay().multipliedBy(1L << Math.min(beyond, 20));
                throttle.lockedUntil = now.plus(lock.compareTo(policy.maxDelay()) > 0 ? policy.maxDelay() : lock);
            }
        })).flatMap(ignored -> {
            count("failure");
            return Uni.createFrom().<Tokens> failure(ProblemException.unauthorized(INVALID_LOGIN));
        });
    }

    /** Rotates a refresh token. A token that was already used revokes its whole session (it may have been stolen). */
    public Uni<Tokens> refresh(String refreshToken) {
        String hash = sha256(refreshToken);
        Instant now = Instant.now();
        // The transaction must commit a theft revocation, so failures are decided after it.
        return Panache.withTransaction(() -> refreshTokens.findById(hash).<Tokens> flatMap(token -> {
            if (token == null) {
                return Uni.createFrom().nullItem();
            }
            return refreshTokens.markUsed(hash, now).flatMap(firstUse -> sessions.findById(token.sessionId)
                    .<Tokens> flatMap(session -> {
                        if (session == null || !session.isActive(now)) {
                            return Uni.createFrom().nullItem();
                        }
                        if (!firstUse) {
                            return revoke(List.of(session), now).map(ignored -> null);
                        }
                        return users.findById(session.userId).flatMap(user -> rotate(session, user, now));
                    }));
        })).map(tokens -> {
            if (tokens == null) {
                throw ProblemException.unauthorized(INVALID_REFRESH);
            }
            return tokens;
        });
    }

    @WithTransaction
    public Uni<Void> logout(String sessionId) {
        return sessions.findById(sessionId)
                .flatMap(session -> session == null ? Uni.createFrom().voidItem() : revoke(List.of(session), Instant.now()));
    }

    /** Revokes every open session of a user; part of the caller's transaction. */
    public Uni<Void> revokeAllOf(long userId) {
        return sessions.unrevokedOfUser(userId).flatMap(open -> revoke(open, Instant.now()));
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
