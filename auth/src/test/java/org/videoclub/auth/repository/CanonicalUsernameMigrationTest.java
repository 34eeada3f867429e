package org.videoclub.auth.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.videoclub.testing.MariaDbTestResource;

/**
 * V2 gives every existing account a canonical username and keeps its row: the oldest account of a canonical form
 * keeps its name; a name outside the username alphabet (a bootstrap admin's, say) becomes 'renamed-<id>'.
 */
class CanonicalUsernameMigrationTest {

    private static final String SCHEMA = "auth_migration";

    @Test
    void existingAccountsGetACanonicalName() throws SQLException {
        MariaDbTestResource.Server server = MariaDbTestResource.server();
        try (Connection admin = server.connect("", server.adminUser(), server.adminPassword());
                Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + SCHEMA);
            sql.execute("CREATE DATABASE " + SCHEMA + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        Flyway flyway = Flyway.configure()
                .dataSource(server.jdbcUrl(SCHEMA), server.adminUser(), server.adminPassword())
                .locations("classpath:db/migration")
                .target("1")
                .load();
        flyway.migrate();
        try (Connection db = server.connect(SCHEMA, server.adminUser(), server.adminPassword());
                Statement sql = db.createStatement()) {
            String hash = "'$2a$04$abcdefghijklmnopqrstuuJ0yGOfXFpNvQ1U3Dq8y9Y0p3bBq0Hgm'";
            sql.execute("INSERT INTO users (id, username, password_hash, role, created_at, updated_at) VALUES"
                    + " (1, 'Alice', " + hash + ", 'admin', NOW(), NOW()),"
                    + " (2, 'bob.smith', " + hash + ", 'reader', NOW(), NOW()),"
                    + " (3, 'Ádmin', " + hash + ", 'admin', NOW(), NOW()),"
                    + " (4, 'Zoë', " + hash + ", 'reader', NOW(), NOW())");
            // V1's unique key keeps 'Alice' and 'alice' apart; without it (a copy of the table made by hand, say)
            // both could exist, and the later account is the one renamed.
            sql.execute("ALTER TABLE users DROP KEY uk_users_username");
            sql.execute("INSERT INTO users (id, username, password_hash, role, created_at, updated_at) VALUES"
                    + " (5, 'ALICE', " + hash + ", 'editor', NOW(), NOW())");
            sql.execute("ALTER TABLE users ADD KEY uk_users_username (username)");
            sql.execute("INSERT INTO login_throttle (username_key, failures, updated_at) VALUES"
                    + " ('alice', 3, NOW()), ('víctim9', 5, NOW())");
        }
        Flyway.configure().dataSource(server.jdbcUrl(SCHEMA), server.adminUser(), server.adminPassword())
                .locations("classpath:db/migration").load().migrate();
        try (Connection db = server.connect(SCHEMA, server.adminUser(), server.adminPassword());
                Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("SELECT id, username, username_canonical, role FROM users ORDER BY id")) {
            List<String> users = new ArrayList<>();
            while (rows.next()) {
                users.add(rows.getLong(1) + " " + rows.getString(2) + " " + rows.getString(3) + " " + rows.getString(4));
            }
            assertEquals(List.of("1 Alice alice admin", "2 bob.smith bob.smith reader", "3 renamed-3 renamed-3 admin",
                    "4 renamed-4 renamed-4 reader", "5 renamed-5 renamed-5 editor"), users);
        }
        try (Connection db = server.connect(SCHEMA, server.adminUser(), server.adminPassword());
                Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("SELECT GROUP_CONCAT(username_key) FROM login_throttle")) {
            rows.next();
            assertEquals("alice", rows.getString(1), "counters of other spellings are dropped");
            // The canonical form is unique.
            assertThrows(SQLException.class, () -> sql.execute("INSERT INTO users (username, username_canonical,"
                    + " password_hash, role, created_at, updated_at) VALUES ('alice', 'alice', 'x', 'reader', NOW(), NOW())"));
        }
    }
}
