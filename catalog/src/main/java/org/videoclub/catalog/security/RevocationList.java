package org.videoclub.catalog.security;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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
    private final InstantSource clock;
    private final Instant startedAt;
    private volatile long lastSequence;
    /**
     * Last good sync; null until the first one. A catalog that has not synced since it started knows no revocation at
     * all, so it counts as stale: it fails closed until its first good sync (SPEC section 5), also when auth is down.
     */
    private volatile Instant lastSync;

    // The skew the token verification really applies, so that no revoked session is forgotten while its tokens pass.
    @Inject
    RevocationList(CatalogConfig config, JWTAuthContextInfo verification, InstantSource clock, MeterRegistry registry) {
        this(config.revocation().maxStaleness(), verification.getClockSkew(), clock);
        Gauge.builder("catalog.revocation.sessions", forgetAfter, Map::size)
                .description("Revoked sessions whose tokens have not expired yet")
                .register(registry);
        Gauge.builder("catalog.revocation.sync.age", this, list -> list.syncAge().toMillis() / 1000.0)
                .description("Seconds since the last good sync with auth's revocation feed")
                .baseUnit("seconds")
                .register(registry);
    }

    /** {@code clock}: the time the staleness and the expiries are measured with (a controlled one in tests). */
    RevocationList(Duration maxStaleness, int clockSkewSeconds, InstantSource clock) {
        this.maxStaleness = maxStaleness;
        this.clockSkewSeconds = Math.max(clockSkewSeconds, 0);
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    public boolean isRevoked(String sessionId) {
        return forgetAfter.containsKey(sessionId);
    }

    /**
     * True before the first good sync, and once the last one is older than {@code catalog.revocation.max-staleness}:
     * revocations are unknown.
     */
    public boolean isStale() {
        return lastSync == null || syncAge().compareTo(maxStaleness) > 0;
    }

    /** Time since the last good sync, or since start-up while there was none. */
    public Duration syncAge() {
        Instant since = lastSync;
        return Duration.between(since == null ? startedAt : since, clock.instant());
    }

    public boolean everSynced() {
        return lastSync != null;
    }

    public long lastSequence() {
        return lastSequence;
    }

    public int size() {
        return forgetAfter.size();
    }

    void add(Collection<RevocationPage.Revocation> revocations) {
        long now = clock.instant().getEpochSecond();
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
        Instant previous = lastSync;
        if (previous == null || startedAt.isAfter(previous)) {
            lastSync = startedAt;
        }
    }

    /** Forgets sessions whose tokens have all expired: the set stays as small as the revocations that matter. */
    void prune() {
        long now = clock.instant().getEpochSecond();
        forgetAfter.values().removeIf(until -> until < now);
    }
}
