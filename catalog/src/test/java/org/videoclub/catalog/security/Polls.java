package org.videoclub.catalog.security;

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
        // no bound of its own: the poll's is catalog.revocation.request-timeout per page, at most 100 pages
        Arc.container().instance(RevocationPoller.class).get().poll().await().indefinitely();
    }
}
