package org.videoclub.auth.repository;

import java.sql.SQLException;

import io.vertx.mysqlclient.MySQLException;

/**
 * Tells a unique-key or foreign-key violation by the database's own error code, the same in auth and catalog: as the
 * Vert.x client's MySQLException or as a java.sql.SQLException (Hibernate Reactive's translation), alone or as the
 * cause of a Hibernate or completion exception.
 */
public final class ConstraintViolations {

    /** ER_DUP_ENTRY: a unique key already holds the value. */
    private static final int DUPLICATE_KEY = 1062;
    /** ER_ROW_IS_REFERENCED_2, ER_NO_REFERENCED_ROW_2: a foreign key does not hold. */
    private static final int ROW_IS_REFERENCED = 1451;
    private static final int NO_REFERENCED_ROW = 1452;
    /** SQLState class 23: integrity constraint violation. */
    private static final String INTEGRITY_CONSTRAINT_CLASS = "23";

    private ConstraintViolations() {
    }

    /** True when {@code failure} or one of its causes is a duplicate key. */
    public static boolean isDuplicateKey(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof MySQLException mysql && mysql.getErrorCode() == DUPLICATE_KEY) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getErrorCode() == DUPLICATE_KEY) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code failure} or one of its causes is a duplicate key or a foreign key that does not hold. */
    public static boolean isViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof MySQLException mysql && isViolation(mysql.getErrorCode(), mysql.getSqlState())) {
                return true;
            }
            if (cause instanceof SQLException sql && isViolation(sql.getErrorCode(), sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isViolation(int errorCode, String sqlState) {
        return errorCode == DUPLICATE_KEY || errorCode == ROW_IS_REFERENCED || errorCode == NO_REFERENCED_ROW
                || (sqlState != null && sqlState.startsWith(INTEGRITY_CONSTRAINT_CLASS));
    }
}
