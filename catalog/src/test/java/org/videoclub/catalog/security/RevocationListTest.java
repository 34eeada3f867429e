package org.videoclub.catalog.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.videoclub.catalog.client.RevocationPage;

/** Freshness and expiry of the revocation list, on a clock the test moves. */
class RevocationListTest {

    private static final Duration MAX_STALENESS = Duration.ofSeconds(60);
    private static final int SKEW = 30;

    /** A clock that moves only when told. */
    private static final class TestClock implements InstantSource {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }
    }

    private final TestClock clock = new TestClock();
    private final RevocationList list = new RevocationList(MAX_STALENESS, SKEW, clock);

    @Test
    void beforeItsFirstGoodSyncTheListIsStaleFailClosed() {
        assertTrue(list.isStale());
        assertFalse(list.everSynced());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(list.isStale(), "stale from the start, not after max-staleness");

        list.synced(0, clock.instant());
        assertFalse(list.isStale());
        assertTrue(list.everSynced());
    }

    @Test
    void staleOnceTheLastGoodSyncIsOlderThanMaxStalenessFreshAgainAfterTheNext() {
        list.synced(0, clock.instant());
        clock.advance(MAX_STALENESS);
        assertFalse(list.isStale());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(list.isStale());
        assertEquals(MAX_STALENESS.plusSeconds(1), list.syncAge());

        list.synced(0, clock.instant());
        assertFalse(list.isStale());
    }

    @Test
    void aSyncThatStartedBeforeTheLastOneDoesNotMoveItBack() {
        Instant earlier = clock.instant();
        clock.advance(Duration.ofSeconds(10));
        list.synced(5, clock.instant());
        list.synced(3, earlier);
        assertEquals(Duration.ZERO, list.syncAge());
        assertEquals(5, list.lastSequence());
    }

    @Test
    void aRevokedSessionIsKeptUntilItsTokensExpireWithTheSkewThenForgotten() {
        long exp = clock.instant().plusSeconds(100).getEpochSecond();
        list.add(List.of(new RevocationPage.Revocation(1, "revoked", exp),
                new RevocationPage.Revocation(2, "long-expired", clock.instant().minusSeconds(SKEW + 1).getEpochSecond())));
        assertTrue(list.isRevoked("revoked"));
        assertFalse(list.isRevoked("long-expired"), "no token of it can pass anyway");

        clock.advance(Duration.ofSeconds(100 + SKEW));
        list.prune();
        assertTrue(list.isRevoked("revoked"), "its last token still passes within the skew");
        clock.advance(Duration.ofSeconds(1));
        list.prune();
        assertFalse(list.isRevoked("revoked"));
        assertEquals(0, list.size());
    }
}
