-- The signing keys auth has signed with, by kid (the RFC 7638 thumbprint): a kid met for the first time while others
-- are known is a key rotation, recorded once in audit_events however many instances start with it.
CREATE TABLE signing_keys (
    kid             VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    first_signed_at DATETIME(6) NOT NULL,
    PRIMARY KEY (kid)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
