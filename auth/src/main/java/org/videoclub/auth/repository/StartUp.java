package org.videoclub.auth.repository;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;

/**
 * Whether start-up is over: until then (the first queries of a cold JVM, which can take seconds on a busy small VM)
 * the database waits are bounded by {@code auth.database.start-up-deadline} rather than the request deadline.
 */
@ApplicationScoped
public class StartUp {

    private volatile boolean done;

    /** After every other start-up observer. */
    void over(@Observes @Priority(Integer.MAX_VALUE) StartupEvent event) {
        done = true;
    }

    public boolean done() {
        return done;
    }
}
