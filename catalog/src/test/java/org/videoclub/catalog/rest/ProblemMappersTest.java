package org.videoclub.catalog.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.concurrent.CompletionException;

import org.hibernate.HibernateException;
import org.junit.jupiter.api.Test;

import io.vertx.mysqlclient.MySQLException;

/** A unique-key race is a 409 by the database's error code, however the driver and Hibernate wrap it. */
class ProblemMappersTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void duplicateKeysAreConflictsWhateverCarriesThem() {
        SQLException jdbc = new SQLException("Duplicate entry 'x' for key 'uk_genres_name_key'", "23000", 1062);
        MySQLException vertx = new MySQLException("Duplicate entry 'x' for key 'uk_genres_name_key'", 1062, "23000");
        for (Throwable failure : new Throwable[] { jdbc, vertx, new HibernateException(jdbc),
                new CompletionException(new HibernateException(vertx)),
                new SQLIntegrityConstraintViolationException("Cannot delete a parent row", "23000", 1451) }) {
            assertEquals(409, mappers.unexpected(failure, null).getStatus(), failure.toString());
        }
    }
}
