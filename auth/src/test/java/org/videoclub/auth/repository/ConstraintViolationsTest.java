package org.videoclub.auth.repository;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.concurrent.CompletionException;

import org.hibernate.HibernateException;
import org.junit.jupiter.api.Test;

import io.vertx.mysqlclient.MySQLException;

/** A duplicate username is told by the database's error code, however the driver and Hibernate carry it. */
class ConstraintViolationsTest {

    @Test
    void aDuplicateKeyIsToldByTheDatabaseErrorCode() {
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
        assertFalse(ConstraintViolations.isDuplicateKey(new SQLException("Deadlock found", "40001", 1213)));
    }
}
