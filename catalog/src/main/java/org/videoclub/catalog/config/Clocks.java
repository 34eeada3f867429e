package org.videoclub.catalog.config;

import java.time.InstantSource;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/**
 * The clock that the revocation state's rules are measured with (staleness, full re-reads, expiries): the system's.
 * Tests that must not wait for time to pass enable one they move instead.
 */
@Singleton
public class Clocks {

    @Produces
    @Singleton
    @DefaultBean
    InstantSource system() {
        return InstantSource.system();
    }
}
