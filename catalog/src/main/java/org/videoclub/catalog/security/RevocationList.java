package org.videoclub.catalog.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.videoclub.catalog.client.RevocationPage;
import org.videoclub.catalog.config.CatalogConfig;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;

/**
 * What catalog knows of revoked sessions: the revoked session ids (each kept until its tokens can no longer be
 * accepted), the feed position, and when the last good sync happened. Filled by {@link RevocationPoller}, read on the
 * request path by {@link RevocationCheck} without any I/O.
 */
@ApplicationScoped
public class RevocationList {

    /** Revoked session id -> epoch second after which its tokens are expired even with the clock skew. */
    private final Map<String, Long> forgetAfter = new ConcurrentHashMap<>();
    private final Duration maxStaleness;
    private final long clockSkewSeconds;
    private volatile long lastSequence;
    /**
     * Last good sync; the start-up time until the first one, so that a catalog started while auth is down serves for
     * max-staleness before failing closed, as it would after losing auth.
     */
    private volatile Instant lastSync = Instant.now();
    private volatile boolean everSynced;

    // The skew the token verification really applies, so that no revoked session is forgotten while its tokens pass.
    RevocationList(CatalogConfig config, JWTAuthContextInfo verification, MeterRegistry registry) {
        this.maxStaleness = config.revocation().maxStaleness();
        this.clockSkewSeconds = Math.max(verification.getClockSkew(), 0);
        Gauge.builder("catalog.revocation.sessions", forgetAfter, Map::size)
                .description("Revoked sessions whose tokens have not expired yet")
                .register(registry);
        Gauge.builder("catalog.revocation.sync.age", this, list -> list.syncAge().toMillis() / 1000.0)
                .description("Seconds since the last good sync with auth's revocation feed")
                .baseUnit("seconds")
                .register(registry);
    }

    public boolean isRevoked(String sessionId) {
        return forgetAfter.containsKey(sessionId);
    }

    /** True once the last good sync is older than {@code catalog.revocation.max-staleness}: revocations are unknown. */
    public boolean isStale() {
        return syncAge().compareTo(maxStaleness) > 0;
    }

    public Duration syncAge() {
        return Duration.between(lastSync, Instant.now());
    }

    public boolean everSynced() {
        return everSynced;
    }

    public long lastSequence() {
        return lastSequence;
    }

    public int size() {
        return forgetAfter.size();
    }

    void add(Collection<RevocationPage.Revocation> revocations) {
        long now = Instant.now().getEpochSecond();
        for (RevocationPage.Revocation revocation : revocations) {
            long until = revocation.exp() + clockSkewSeconds;
            if (revocation.sid() != null && until >= now) {
                forgetAfter.merge(revocation.sid(), until, Math::max);
            }
        }
    }

    /** Records a good sync that read the feed up to {@code sequence}, which it had started at {@code startedAt}. */
    void synced(long sequence, Instant startedAt) {
        lastSequence = Math.max(lastSequence, sequence);
        if (startedAt.isAfter(lastSync)) {
            lastSync = startedAt;
        }
        everSynced = true;
    }

    /** Forgets sessions whose tokens have all expired: the set stays as small as the revocations that matter. */
    void prune() {
        long now = Instant.now().getEpochSecond();
        forgetAfter.values().removeIf(until -> until < now);
    }
}
