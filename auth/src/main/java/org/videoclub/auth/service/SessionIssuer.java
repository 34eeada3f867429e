package org.videoclub.auth.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;

import org.videoclub.auth.config.AuthConfig;
import org.videoclub.auth.model.RefreshToken;
import org.videoclub.auth.model.Session;
import org.videoclub.auth.model.User;
import org.videoclub.auth.repository.DatabaseDeadline;
import org.videoclub.auth.repository.RefreshTokenRepository;
import org.videoclub.auth.repository.SessionRepository;
import org.videoclub.auth.security.TokenIssuer;

import io.smallrye.mutiny.Uni;

/**
 * Opens sessions and issues their token pairs: a signed access token and a random refresh token, stored only as its
 * SHA-256 hash. Part of the caller's transaction; the caller decides whether a session may have new tokens.
 */
@ApplicationScoped
@DatabaseDeadline
public class SessionIssuer {

    private final SessionRepository sessions;
    private final RefreshTokenRepository refreshTokens;
    private final TokenIssuer issuer;
    private final AuthConfig config;
    private final SecureRandom random = new SecureRandom();

    SessionIssuer(SessionRepository sessions, RefreshTokenRepository refreshTokens, TokenIssuer issuer,
            AuthConfig config) {
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.issuer = issuer;
        this.config = config;
    }

    /** Opens a new session for the user, with its first token pair. */
    public Uni<SessionTokens> open(User user, Instant now) {
        Session session = new Session();
        session.id = randomToken(16);
        session.userId = user.id;
        session.createdAt = now;
        session.refreshExpiresAt = now.plus(config.token().refreshTtl());
        return issue(session, user, now, sessions.persist(session));
    }

    /** Issues the next token pair of a session (locked by the caller). */
    public Uni<SessionTokens> rotate(Session session, User user, Instant now) {
        return issue(session, user, now, Uni.createFrom().item(session));
    }

    private Uni<SessionTokens> issue(Session session, User user, Instant now, Uni<Session> saved) {
        // Whole seconds, as the token carries them: the revocation feed publishes the same expiry.
        Instant issuedAt = now.truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = issuedAt.plus(config.token().accessTtl());
        session.accessExpiresAt = expiresAt;
        String refreshToken = randomToken(32);
        RefreshToken stored = new RefreshToken();
        stored.tokenHash = hashOf(refreshToken);
        stored.sessionId = session.id;
        stored.createdAt = now;
        String accessToken = issuer.accessToken(user, session.id, issuedAt, expiresAt);
        return saved.call(() -> refreshTokens.persist(stored)).map(ignored -> new SessionTokens(accessToken,
                config.token().accessTtl().toSeconds(), refreshToken, user));
    }

    private String randomToken(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    /** The key a refresh token is stored under. */
    static String hashOf(String refreshToken) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(refreshToken.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
