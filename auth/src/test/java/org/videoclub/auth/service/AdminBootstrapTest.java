package org.videoclub.auth.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.videoclub.auth.Api;
import org.videoclub.auth.TestDatabase;
import org.videoclub.auth.config.AuthConfig;

import io.quarkus.test.junit.QuarkusTest;

/** Start-up never fails because the bootstrap name exists: with no admin and the name taken, it starts anyway. */
@QuarkusTest
class AdminBootstrapTest {

    @Inject
    AdminBootstrap bootstrap;

    @Inject
    AuthConfig config;

    @Inject
    UserService users;

    @AfterEach
    void theBootstrapAdminIsBack() {
        TestDatabase.execute("UPDATE users SET role = 'admin' WHERE username_canonical = 'admin'");
    }

    @Test
    void noAdminAndTheNameTakenStartsWithoutMakingOne() throws Throwable {
        TestDatabase.execute("UPDATE users SET role = 'reader' WHERE role = 'admin'");
        long usersBefore = TestDatabase.count("users");
        bootstrap.onStart(null, config, users); // what start-up runs: it returns instead of throwing
        assertEquals(usersBefore, TestDatabase.count("users"));
        assertEquals(0, TestDatabase.number("SELECT COUNT(*) FROM users WHERE role = 'admin'"));
    }

    @Test
    void noAdminAndTheNameFreeMakesTheAdmin() throws Throwable {
        TestDatabase.execute("UPDATE users SET role = 'reader' WHERE role = 'admin'");
        TestDatabase.execute("UPDATE users SET username = 'admin-old', username_canonical = 'admin-old'"
                + " WHERE username_canonical = 'admin'");
        try {
            bootstrap.onStart(null, config, users);
            assertEquals(1, TestDatabase.number("SELECT COUNT(*) FROM users WHERE role = 'admin'"
                    + " AND username_canonical = 'admin'"));
            assertEquals(1, TestDatabase.number("SELECT COUNT(*) FROM audit_events WHERE type = 'user.signed-up'"
                    + " AND actor_id IS NULL AND subject_id = (SELECT id FROM users WHERE username_canonical = 'admin')"));
        } finally {
            // The original admin account comes back, with the password the other tests use.
            TestDatabase.execute("DELETE FROM users WHERE username_canonical = 'admin'");
            TestDatabase.execute("UPDATE users SET username = 'admin', username_canonical = 'admin'"
                    + " WHERE username_canonical = 'admin-old'");
        }
        Api.admin();
    }

    @Test
    void anAdminExistsNothingIsMade() throws Throwable {
        long usersBefore = TestDatabase.count("users");
        bootstrap.onStart(null, config, users);
        assertEquals(usersBefore, TestDatabase.count("users"));
    }
}
