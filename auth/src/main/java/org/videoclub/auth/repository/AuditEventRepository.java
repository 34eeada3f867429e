package org.videoclub.auth.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.videoclub.auth.model.AuditEvent;
import org.videoclub.auth.model.AuditEventType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@DatabaseDeadline
@WithSession
public class AuditEventRepository implements PanacheRepositoryBase<AuditEvent, Long> {

    /**
     * Up to {@code limit} events with an id below {@code beforeId}, newest first (keyset pagination), of one type
     * and by or about one user when those are given.
     */
    public Uni<List<AuditEvent>> pageBefore(long beforeId, AuditEventType type, Long userId, int limit) {
        StringBuilder query = new StringBuilder("id < :before");
        Parameters parameters = Parameters.with("before", beforeId);
        if (type != null) {
            query.append(" and type = :type");
            parameters.and("type", type);
        }
        if (userId != null) {
            query.append(" and (subjectId = :user or actorId = :user)");
            parameters.and("user", userId);
        }
        return find(query.append(" order by id desc").toString(), parameters).range(0, limit - 1).list();
    }

    /** Deletes the events recorded before {@code cutoff}; returns how many. */
    public Uni<Long> deleteBefore(Instant cutoff) {
        return delete("at < ?1", cutoff);
    }
}
