package org.videoclub.auth.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.videoclub.auth.model.Session;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
@DatabaseDeadline
public class SessionRepository implements PanacheRepositoryBase<Session, String> {

    public Uni<List<Session>> unrevokedOfUser(long userId) {
        return list("userId = ?1 and revokedAt is null", userId);
    }

    /** True when the session is revoked or gone (its account was deleted). */
    public Uni<Boolean> isRevoked(String sessionId) {
        return findById(sessionId).map(session -> session == null || session.revokedAt != null);
    }
}
