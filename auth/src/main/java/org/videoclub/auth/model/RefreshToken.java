package org.videoclub.auth.model;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A refresh token, known only by its SHA-256. A used one stays so that its reuse can be detected. */
@Entity
@Table(name = "refresh_tokens")
public class RefreshToken {

    @Id
    @Column(name = "token_hash")
    public String tokenHash;

    @Column(name = "session_id", nullable = false)
    public String sessionId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "used_at")
    public Instant usedAt;
}
