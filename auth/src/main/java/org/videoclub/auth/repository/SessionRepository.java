package org.videoclub.auth.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.videoclub.auth.model.Session;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Sessions. Every change to a session (a refresh, a revocation) reads it with a row lock first, so that a refresh
 * cannot write back a session that a revocation ended meanwhile, and a revocation publishes the newest expiry.
 */
@ApplicationScoped
@WithSession
@DatabaseDeadline
public class SessionRepository implements PanacheRepositoryBase<Session, String> {

    /** The session, locked for update until the transaction ends; null when it is gone. */
    public Uni<Session> findForUpdate(String sessionId) {
        return findById(sessionId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The user's sessions not yet revoked, locked for update until the transaction ends. */
    public Uni<List<Session>> unrevokedOfUserForUpdate(long userId) {
        return find("userId = ?1 and revokedAt is null order by id", userId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** True when the session is revoked or gone (its account was deleted). */
    public Uni<Boolean> isRevoked(String sessionId) {
        return findById(sessionId).map(session -> session == null || session.revokedAt != null);
    }
}
