package org.videoclub.auth.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.videoclub.auth.model.AuditEventType;
import org.videoclub.auth.repository.DatabaseDeadline;
import org.videoclub.auth.repository.RefreshTokenRepository;
import org.videoclub.auth.repository.SessionRepository;
import org.videoclub.auth.repository.UserRepository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Swaps a refresh token for a new pair, once: a second use is taken as theft and ends the session. */
@ApplicationScoped
@DatabaseDeadline
public class RefreshTokenRotation {

    private static final String INVALID_REFRESH = "The refresh token is not valid.";

    private final UserRepository users;
    private final SessionRepository sessions;
    private final RefreshTokenRepository refreshTokens;
    private final SessionIssuer issuer;
    private final SessionRevocations revocations;
    private final AuditService audit;

    RefreshTokenRotation(UserRepository users, SessionRepository sessions, RefreshTokenRepository refreshTokens,
            SessionIssuer issuer, SessionRevocations revocations, AuditService audit) {
        this.users = users;
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.issuer = issuer;
        this.revocations = revocations;
        this.audit = audit;
    }

    /**
     * Rotates a refresh token. A token that was already used revokes its whole session (it may have been stolen).
     * The session row is locked before anything is decided, so that a revocation committed meanwhile is seen here,
     * and one that comes later waits for this rotation and publishes the expiry of the token it issued.
     */
    public Uni<SessionTokens> refresh(String refreshToken, Origin origin) {
        String hash = SessionIssuer.hashOf(refreshToken);
        Instant now = Instant.now();
        // The transaction must commit a theft revocation, so failures are decided after it.
        return Panache.withTransaction(() -> refreshTokens.findById(hash).<SessionTokens> flatMap(token -> token == null
                ? Uni.createFrom().nullItem()
                : sessions.findForUpdate(token.sessionId).flatMap(session -> session == null
                        ? Uni.createFrom().nullItem()
                        : refreshTokens.markUsed(hash, now).flatMap(firstUse -> {
                            if (!session.isActive(now)) {
                                return Uni.createFrom().nullItem();
                            }
                            if (!firstUse) {
                                return revocations.revoke(List.of(session), now)
                                        .call(() -> audit.record(AuditEventType.REFRESH_TOKEN_REUSED, null,
                                                session.userId, origin))
                                        .map(ignored -> null);
                            }
                            return users.findById(session.userId)
                                    .flatMap(user -> issuer.rotate(session, user, now));
                        }))))
                .map(tokens -> {
                    if (tokens == null) {
                        throw ProblemException.unauthorized(INVALID_REFRESH);
                    }
                    return tokens;
                });
    }
}
