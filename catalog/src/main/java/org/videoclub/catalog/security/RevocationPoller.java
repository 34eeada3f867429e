package org.videoclub.catalog.security;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.videoclub.catalog.client.RevocationFeedClient;
import org.videoclub.catalog.client.RevocationPage;
import org.videoclub.catalog.config.CatalogConfig;

import io.quarkus.scheduler.Scheduled;
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
    private volatile Instant lastFullResync = Instant.MIN;
    private volatile boolean failing;

    RevocationPoller(RevocationFeedClient feed, RevocationList list, CatalogConfig config) {
        this.feed = feed;
        this.list = list;
        this.fullResyncInterval = config.revocation().fullResyncInterval();
    }

    @Scheduled(identity = "revocation-poll", every = "${catalog.revocation.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        Instant startedAt = Instant.now();
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
