package org.videoclub.auth.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.concurrent.CompletionException;

import org.hibernate.HibernateException;
import org.junit.jupiter.api.Test;

import io.vertx.mysqlclient.MySQLException;

class UsernamesTest {

    @Test
    void theCanonicalFormIsTheLowerCaseAsciiSpelling() {
        assertEquals("victim9", Usernames.canonical("victim9"));
        assertEquals("victim9", Usernames.canonical("VicTIM9"));
        assertEquals("victim9", Usernames.canonical(" victim9\t "));
        assertEquals("a.b_c-d", Usernames.canonical("A.B_C-D"));
    }

    @Test
    void otherSpellingsAreNoUsername() {
        for (String other : new String[] { "víctim9", "vîctim9", "VÍCTIM9", "ｖictim9", "vÍctim9", "vi\u0301ctim9",
                "\u00A0victim9", "victim9\u3000", "\u200Bvictim9", "vic tim9", "ab", "a".repeat(51), "", "İstanbul",
                "\u212Aelvin" }) {
            assertNull(Usernames.canonical(other), other);
        }
        assertNull(Usernames.canonical(null));
    }

    @Test
    void constraintViolationsAreToldByTheDatabaseErrorCode() {
        SQLException jdbc = new SQLException("Duplicate entry 'x' for key 'uk_users_username_canonical'", "23000", 1062);
        MySQLException vertx = new MySQLException("Duplicate entry 'x'", 1062, "23000");
        for (Throwable failure : new Throwable[] { jdbc, vertx, new HibernateException(jdbc),
                new CompletionException(new HibernateException(vertx)) }) {
            assertTrue(ConstraintViolations.isDuplicateKey(failure), failure.toString());
            assertTrue(ConstraintViolations.isViolation(failure), failure.toString());
        }
        SQLException foreignKey = new SQLException("Cannot add or update a child row", "23000", 1452);
        assertFalse(ConstraintViolations.isDuplicateKey(foreignKey));
        assertTrue(ConstraintViolations.isViolation(foreignKey));
        assertFalse(ConstraintViolations.isViolation(new SQLException("Deadlock found", "40001", 1213)));
        assertFalse(ConstraintViolations.isViolation(new IllegalStateException("no database at all")));
    }
}
