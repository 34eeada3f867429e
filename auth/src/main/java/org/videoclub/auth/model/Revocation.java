package org.videoclub.auth.model;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One entry of the revocation feed: the session whose access tokens must be refused until {@link #expiresAt}. */
@Entity
@Table(name = "revocations")
public class Revocation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "session_id", nullable = false)
    public String sessionId;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "revoked_at", nullable = false)
    public Instant revokedAt;
}
