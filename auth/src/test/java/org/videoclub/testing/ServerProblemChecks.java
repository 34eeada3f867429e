package org.videoclub.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.concurrent.CompletionException;

import org.hibernate.HibernateException;
import org.hibernate.StaleObjectStateException;
import org.junit.jupiter.api.Test;

import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.mysqlclient.MySQLException;

/**
 * How auth and catalog answer a failure that is not the request's, the same in both (SPEC sections 6 and 8): told by
 * what it carries, however the driver, Hibernate or Mutiny wrap it. Each service's {@code ServerProblemMappersTest}
 * says how its mapper answers a failure.
 */
public abstract class ServerProblemChecks {

    /** The status the service's catch-all mapper answers {@code failure} with, outside any request. */
    protected abstract int statusOf(Throwable failure);

    @Test
    public void aKeyThatDoesNotHoldIsAConflictByItsErrorCode() {
        SQLException jdbc = new SQLException("Duplicate entry 'x' for key 'uk_x'", "23000", 1062);
        MySQLException vertx = new MySQLException("Duplicate entry 'x' for key 'uk_x'", 1062, "23000");
        for (Throwable failure : new Throwable[] { jdbc, vertx, new HibernateException(jdbc),
                new CompletionException(new HibernateException(vertx)),
                new SQLIntegrityConstraintViolationException("Cannot delete a parent row", "23000", 1451),
                new MySQLException("Cannot add or update a child row", 1452, "23000") }) {
            assertEquals(409, statusOf(failure), failure.toString());
        }
        assertEquals(500, statusOf(new HibernateException(new SQLException("Deadlock found", "40001", 1213))));
    }

    @Test
    public void aVersionChangedMeanwhileIsAConflict() {
        assertEquals(409, statusOf(new CompletionException(new StaleObjectStateException("Book", 7L))));
    }

    @Test
    public void aDatabaseOutOfReachOrQueuedFullIsA503() {
        for (Throwable failure : new Throwable[] { new ConnectException("Connection refused"),
                new HibernateException(new CompletionException(new ConnectException("Connection refused"))),
                new VertxException("Timeout waiting for connection"),
                new ConnectionPoolTooBusyException("Connection pool reached max wait queue size of 64") }) {
            assertEquals(503, statusOf(failure), failure.toString());
        }
    }

    @Test
    public void anythingElseIsA500() {
        assertEquals(500, statusOf(new IllegalStateException("a bug")));
        assertEquals(500, statusOf(new NullPointerException()));
    }
}
