package org.videoclub.auth.model;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Failed logins in a row for one username (known or not, so that throttling does not tell which usernames exist).
 * Kept in the database so that it holds across restarts and instances.
 */
@Entity
@Table(name = "login_throttle")
public class LoginThrottle {

    @Id
    @Column(name = "username_key")
    public String usernameKey;

    @Column(nullable = false)
    public int failures;

    @Column(name = "locked_until")
    public Instant lockedUntil;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
