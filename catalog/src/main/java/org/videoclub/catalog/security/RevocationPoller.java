package org.videoclub.catalog.security;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.videoclub.catalog.client.RevocationFeedClient;
import org.videoclub.catalog.client.RevocationPage;
import org.videoclub.catalog.config.CatalogConfig;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;

/**
 * Keeps {@link RevocationList} current: every {@code catalog.revocation.poll-interval} it reads auth's feed from the
 * last sequence seen, and every {@code catalog.revocation.full-resync-interval} from the start, which heals a
 * revocation committed late under a sequence number already passed. A failed poll changes nothing: the list ages until
 * a poll succeeds again.
 */
@ApplicationScoped
public class RevocationPoller {

    private static final Logger LOG = Logger.getLogger(RevocationPoller.class);
    /** Bound on the pages read in one poll, so that a misbehaving feed cannot keep a poll going forever. */
    private static final int MAX_PAGES_PER_POLL = 100;

    private final RevocationFeedClient feed;
    private final RevocationList list;
    private final Duration fullResyncInterval;
    private final Duration firstSyncWait;
    private final InstantSource clock;
    private volatile Instant lastFullResync = Instant.MIN;
    private volatile boolean failing;

    RevocationPoller(RevocationFeedClient feed, RevocationList list, CatalogConfig config, InstantSource clock) {
        this.feed = feed;
        this.list = list;
        this.clock = clock;
        this.fullResyncInterval = config.revocation().fullResyncInterval();
        this.firstSyncWait = config.revocation().requestTimeout().multipliedBy(2);
    }

    /**
     * One poll before the service takes requests, so that a catalog whose auth answers is ready at once rather than
     * after the first scheduled poll; bounded by the request timeout, and a failure only leaves it not ready (fail closed).
     */
    void firstSync(@Observes StartupEvent event) {
        try {
            poll().await().atMost(firstSyncWait);
        } catch (TimeoutException e) {
            // a feed of many pages: the scheduled polls go on from where it got
        }
    }

    @Scheduled(identity = "revocation-poll", every = "${catalog.revocation.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        Instant startedAt = clock.instant();
        boolean fullResync = !startedAt.isBefore(lastFullResync.plus(fullResyncInterval));
        return readFrom(fullResync ? 0 : list.lastSequence(), 1)
                .invoke(last -> {
                    list.synced(last, startedAt);
                    list.prune();
                    if (fullResync) {
                        lastFullResync = startedAt;
                    }
                    if (failing) {
                        failing = false;
                        LOG.infof("auth's revocation feed answers again; %d revoked sessions known", list.size());
                    }
                })
                .onFailure().invoke(failure -> {
                    list.prune();
                    if (!failing) {
                        failing = true;
                        LOG.warnf("auth's revocation feed cannot be read (%s); serving with the revocations known,"
                                + " last good sync %d s ago", failure.getMessage(), list.syncAge().toSeconds());
                    }
                })
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<Long> readFrom(long after, int page) {
        return feed.revocationsAfter(after).chain(answer -> {
            list.add(answer.revocations());
            boolean more = answer.revocations().size() >= RevocationPage.MAX_ENTRIES && answer.last() > after;
            return more && page < MAX_PAGES_PER_POLL
                    ? readFrom(answer.last(), page + 1)
                    : Uni.createFrom().item(Math.max(after, answer.last()));
        });
    }
}
