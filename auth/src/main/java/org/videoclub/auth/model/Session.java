package org.videoclub.auth.model;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A login: the refresh tokens it rotates through and the access tokens issued from it share its id ({@code sid}). */
@Entity
@Table(name = "sessions")
public class Session {

    @Id
    public String id;

    @Column(name = "user_id", nullable = false)
    public Long userId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Expiry of the newest access token issued for the session: revocations must be published until then. */
    @Column(name = "access_expires_at", nullable = false)
    public Instant accessExpiresAt;

    @Column(name = "refresh_expires_at", nullable = false)
    public Instant refreshExpiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public boolean isActive(Instant now) {
        return revokedAt == null && refreshExpiresAt.isAfter(now);
    }
}
