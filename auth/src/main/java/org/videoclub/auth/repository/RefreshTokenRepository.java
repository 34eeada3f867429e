package org.videoclub.auth.repository;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.videoclub.auth.model.RefreshToken;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
@DatabaseDeadline
public class RefreshTokenRepository implements PanacheRepositoryBase<RefreshToken, String> {

    /**
     * Marks a refresh token used, in one statement so that two concurrent refreshes cannot both win.
     *
     * @return true when this call used it; false when it had been used already
     */
    public Uni<Boolean> markUsed(String tokenHash, Instant now) {
        return update("usedAt = ?1 where tokenHash = ?2 and usedAt is null", now, tokenHash).map(rows -> rows == 1);
    }
}
