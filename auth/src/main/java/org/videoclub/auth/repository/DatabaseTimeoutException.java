package org.videoclub.auth.repository;

import java.time.Duration;

/** The database gave no answer within {@code auth.database.deadline}: answered with 503 and Retry-After. */
public class DatabaseTimeoutException extends RuntimeException {

    public DatabaseTimeoutException(Duration deadline) {
        super("The database did not answer within " + deadline.toMillis() + " ms", null, false, false);
    }
}
