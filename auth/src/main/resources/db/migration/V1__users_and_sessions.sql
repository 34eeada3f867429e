-- Users, sessions, refresh tokens, the revocation feed and login throttling of the auth service.

CREATE TABLE users (
    id            BIGINT      NOT NULL AUTO_INCREMENT,
    -- case-insensitive collation: 'Alice' and 'alice' are the same username
    username      VARCHAR(50) NOT NULL COLLATE utf8mb4_unicode_ci,
    password_hash CHAR(60)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    role          VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    created_at    DATETIME(6) NOT NULL,
    updated_at    DATETIME(6) NOT NULL,
    version       BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_users_username (username),
    KEY ix_users_role (role)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE sessions (
    id                 CHAR(22)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    user_id            BIGINT      NOT NULL,
    created_at         DATETIME(6) NOT NULL,
    access_expires_at  DATETIME(6) NOT NULL,
    refresh_expires_at DATETIME(6) NOT NULL,
    revoked_at         DATETIME(6) NULL,
    PRIMARY KEY (id),
    KEY ix_sessions_user (user_id, revoked_at),
    CONSTRAINT fk_sessions_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE refresh_tokens (
    token_hash CHAR(64)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    session_id CHAR(22)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    created_at DATETIME(6) NOT NULL,
    used_at    DATETIME(6) NULL,
    PRIMARY KEY (token_hash),
    KEY ix_refresh_tokens_session (session_id),
    CONSTRAINT fk_refresh_tokens_session FOREIGN KEY (session_id) REFERENCES sessions (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- No foreign key: an entry outlives its session (account deletion) until its access tokens expire.
CREATE TABLE revocations (
    seq        BIGINT      NOT NULL AUTO_INCREMENT,
    session_id CHAR(22)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    revoked_at DATETIME(6) NOT NULL,
    PRIMARY KEY (seq),
    KEY ix_revocations_expires (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE login_throttle (
    username_key VARCHAR(50) COLLATE utf8mb4_bin NOT NULL,
    failures     INT         NOT NULL,
    locked_until DATETIME(6) NULL,
    updated_at   DATETIME(6) NOT NULL,
    PRIMARY KEY (username_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
