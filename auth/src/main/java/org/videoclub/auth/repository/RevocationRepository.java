package org.videoclub.auth.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.videoclub.auth.model.Revocation;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
@DatabaseDeadline
public class RevocationRepository implements PanacheRepositoryBase<Revocation, Long> {

    /** Unexpired revocations after {@code afterSeq}, oldest first. */
    public Uni<List<Revocation>> unexpiredAfter(long afterSeq, Instant now, int limit) {
        return find("seq > ?1 and expiresAt > ?2 order by seq", afterSeq, now).range(0, limit - 1).list();
    }

    /** The highest sequence number handed out so far, or 0. */
    public Uni<Long> lastSeq() {
        return Panache.getSession().flatMap(session -> session
                .createSelectionQuery("select coalesce(max(r.seq), 0) from Revocation r", Long.class)
                .getSingleResult());
    }
}
