package org.videoclub.catalog.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Timestamps as the database keeps them (DATETIME(6)), so that an answer and a later read agree. */
final class Clock {

    private Clock() {
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
