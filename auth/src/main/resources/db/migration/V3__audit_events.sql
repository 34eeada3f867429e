-- Security events (SPEC section 3), newest first at GET /audit-events. Never a password or a token.
CREATE TABLE audit_events (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    at         DATETIME(6) NOT NULL,
    type       VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    -- who did it (null: anonymous, or the system) and whom it concerns (null: no known account)
    actor_id   BIGINT      NULL,
    subject_id BIGINT      NULL,
    request_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL,
    -- the caller's address
    client     VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL,
    PRIMARY KEY (id),
    KEY ix_audit_events_type (type, id),
    KEY ix_audit_events_subject (subject_id, id),
    KEY ix_audit_events_actor (actor_id, id),
    KEY ix_audit_events_at (at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
