package org.videoclub.catalog.security;

import java.time.Duration;

import io.quarkus.arc.Arc;

/**
 * Runs a poll of auth's revocation feed now, from a test: once it returns, every revocation the feed served before it
 * is applied. Tests assert states after it instead of waiting for the background poll (the 2 s bound is measured by
 * deploy/bench/revocation-latency.sh, not by a test).
 */
public final class Polls {

    private Polls() {
    }

    public static void force() {
        // bounded by catalog.revocation.request-timeout per page; the bound here only keeps a broken poll from stalling
        Arc.container().instance(RevocationPoller.class).get().poll().await().atMost(Duration.ofSeconds(60));
    }
}
