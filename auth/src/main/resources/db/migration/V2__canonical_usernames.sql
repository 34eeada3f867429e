-- One canonical form per username (SPEC section 3): its lower-case ASCII spelling, in a binary ASCII column, so that
-- uniqueness, look-up at login and throttling compare bytes. The accent- and width-insensitive utf8mb4_unicode_ci
-- of V1 matched 'víctim9' or a full-width 'ｖictim9' to 'victim9'; an ASCII column with a binary collation cannot.
ALTER TABLE users ADD COLUMN username_canonical VARCHAR(50) CHARACTER SET ascii COLLATE ascii_bin NULL AFTER username;

-- Every existing account keeps its row, its password and its sessions. The oldest account (lowest id) of each
-- canonical form keeps its name. Any other account with that form, and any account whose name is outside the
-- username alphabet (possible only for a bootstrap admin named through AUTH_ADMIN_USERNAME), is renamed to
-- 'renamed-<id>': an admin sees it in GET /users and may give it a new name. (V1's case- and accent-insensitive
-- unique key already kept two ASCII names that differ only in case apart, so with names made through the API no
-- collision is expected.)
UPDATE users u
    JOIN (SELECT MIN(id) AS id
          FROM users
          WHERE CAST(username AS BINARY) REGEXP '^[A-Za-z0-9._-]{3,50}$'
          GROUP BY CAST(LOWER(username) AS BINARY)) kept ON kept.id = u.id
SET u.username_canonical = LOWER(u.username);

UPDATE users
SET username = CONCAT('renamed-', id), username_canonical = CONCAT('renamed-', id)
WHERE username_canonical IS NULL;

ALTER TABLE users
    MODIFY username VARCHAR(50) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    MODIFY username_canonical VARCHAR(50) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    DROP KEY uk_users_username,
    ADD UNIQUE KEY uk_users_username_canonical (username_canonical);

-- Throttle counters are kept by canonical username from now on; counters of other spellings are dropped.
DELETE FROM login_throttle WHERE CAST(username_key AS BINARY) NOT REGEXP '^[a-z0-9._-]{3,50}$';
ALTER TABLE login_throttle MODIFY username_key VARCHAR(50) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;
