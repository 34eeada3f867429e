package org.videoclub.auth.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.videoclub.auth.model.AuditEventType;
import org.videoclub.auth.model.Revocation;
import org.videoclub.auth.model.Session;
import org.videoclub.auth.repository.DatabaseDeadline;
import org.videoclub.auth.repository.RevocationRepository;
import org.videoclub.auth.repository.SessionRepository;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Ends sessions for good: logout, every session of a user, a session whose refresh token was stolen. A revocation is
 * final, and each one whose access tokens are still valid is published in the revocation feed.
 */
@ApplicationScoped
@DatabaseDeadline
public class SessionRevocations {

    private final SessionRepository sessions;
    private final RevocationRepository revocations;
    private final AuditService audit;

    SessionRevocations(SessionRepository sessions, RevocationRepository revocations, AuditService audit) {
        this.sessions = sessions;
        this.revocations = revocations;
        this.audit = audit;
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

    /**
     * Marks the sessions revoked and publishes a feed entry for each one whose access tokens are still valid. The
     * sessions must be locked by the caller's transaction, which this joins.
     */
    public Uni<Void> revoke(List<Session> toRevoke, Instant now) {
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
}
