package org.videoclub.catalog.support;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * A clock that stands still until the test moves it, in place of the service's clock ({@code config.Clocks}) for
 * a test profile that enables it ({@code getEnabledAlternatives}): time-driven rules are checked without waiting.
 */
@Alternative
@Singleton
public class MovableClock implements InstantSource {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

    @Override
    public Instant instant() {
        return now.get();
    }

    public void advance(Duration by) {
        now.updateAndGet(current -> current.plus(by));
    }
}
