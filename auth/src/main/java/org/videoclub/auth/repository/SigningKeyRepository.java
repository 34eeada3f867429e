package org.videoclub.auth.repository;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** The kids auth has signed with (table signing_keys); written by single statements, so instances may race. */
@ApplicationScoped
@WithSession
@DatabaseDeadline
public class SigningKeyRepository {

    /** Records {@code kid}; true for the one caller that inserted it, false when it was known already. */
    public Uni<Boolean> recordFirstUse(String kid, Instant now) {
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery("INSERT IGNORE INTO signing_keys (kid, first_signed_at) VALUES (?1, ?2)")
                .setParameter(1, kid)
                .setParameter(2, now)
                .executeUpdate())
                .map(rows -> rows == 1);
    }

    /** Whether a key other than {@code kid} has signed before. */
    public Uni<Boolean> othersKnown(String kid) {
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery("SELECT COUNT(*) FROM signing_keys WHERE kid <> ?1", Long.class)
                .setParameter(1, kid)
                .getSingleResult())
                .map(count -> count > 0);
    }
}
