package org.videoclub.catalog.rest;

import java.sql.SQLException;

import io.vertx.mysqlclient.MySQLException;

/**
 * Tells a unique-key or foreign-key violation by the database's own error code, however it arrives: as the Vert.x
 * client's MySQLException, as a java.sql.SQLException (Hibernate Reactive's translation), or wrapped in a Hibernate
 * or completion exception. The same rule as auth's.
 */
final class ConstraintViolations {

    /** ER_DUP_ENTRY, ER_ROW_IS_REFERENCED_2, ER_NO_REFERENCED_ROW_2. */
    private static final int DUPLICATE_KEY = 1062;
    private static final int ROW_IS_REFERENCED = 1451;
    private static final int NO_REFERENCED_ROW = 1452;
    /** SQLState class 23: integrity constraint violation. */
    private static final String INTEGRITY_CONSTRAINT_CLASS = "23";

    private ConstraintViolations() {
    }

    /** True when {@code failure} itself (not its causes) is a unique or foreign key that does not hold. */
    static boolean isViolation(Throwable failure) {
        if (failure instanceof MySQLException mysql) {
            return isViolation(mysql.getErrorCode(), mysql.getSqlState());
        }
        if (failure instanceof SQLException sql) {
            return isViolation(sql.getErrorCode(), sql.getSQLState());
        }
        return false;
    }

    private static boolean isViolation(int errorCode, String sqlState) {
        return errorCode == DUPLICATE_KEY || errorCode == ROW_IS_REFERENCED || errorCode == NO_REFERENCED_ROW
                || (sqlState != null && sqlState.startsWith(INTEGRITY_CONSTRAINT_CLASS));
    }
}
