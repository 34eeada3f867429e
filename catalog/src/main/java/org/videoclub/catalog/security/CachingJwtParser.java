package org.videoclub.catalog.security;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.videoclub.catalog.config.CatalogConfig;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * The token parser smallrye-jwt uses: verifies each token with the key its {@code kid} names ({@link VerificationKeys}),
 * and keeps the access tokens already verified in a cache: verifying the same bearer token from scratch on every request
 * (RSA signature, jose4j claim parsing) cost 17-31% of catalog's CPU on {@code GET /books/{id}} in the benchmarks.
 *
 * <p>
 * What keeps it safe: a token is kept only once the full verification has accepted it (a refusal is never kept), under
 * its exact text; it is kept only until the moment the full verification would refuse it for time ({@code exp} plus
 * the clock skew, or the maximum token age), then verified again; {@link RevocationCheck} still runs on every request,
 * cached or not; and at most {@code catalog.token-cache.max-size} tokens are kept (Caffeine decides which go when it is
 * full). Only {@link #parse(String)} is cached.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CachingJwtParser extends DelegatingJwtParser {

    /** A verified token, and the epoch second from which the full verification refuses it. */
    private record Verified(JsonWebToken token, long refusedFrom) {
    }

    private final JWTParser delegate;
    private final long skewSeconds;
    private final Long tokenAgeSeconds;
    private final InstantSource clock;
    /** Null when max-size is 0: the cache is off. */
    private final Cache<String, Verified> verified;

    @Inject
    CachingJwtParser(JWTAuthContextInfo authContextInfo, JWTCallerPrincipalFactory principalFactory, VerificationKeys keys,
            CatalogConfig config) {
        // the same two objects smallrye-jwt's own DefaultJWTParser bean is given
        this(new KeySelectingParser(new DefaultJWTParser(authContextInfo, principalFactory), keys), authContextInfo,
                config.tokenCache().maxSize(), InstantSource.system());
    }

    /** {@code authContextInfo}: the verification settings {@code delegate} applies, for their time limits. */
    CachingJwtParser(JWTParser delegate, JWTAuthContextInfo authContextInfo, int maxSize, InstantSource clock) {
        this.delegate = delegate;
        // as smallrye-jwt's DefaultJWTTokenParser: the deprecated expiry grace period, when set, replaces the skew
        this.skewSeconds = authContextInfo.getExpGracePeriodSecs() > 0 ? authContextInfo.getExpGracePeriodSecs()
                : Math.max(authContextInfo.getClockSkew(), 0);
        this.tokenAgeSeconds = authContextInfo.getTokenAge();
        this.clock = clock;
        this.verified = maxSize <= 0 ? null : Caffeine.newBuilder()
                .maximumSize(maxSize)
                .expireAfter(Expiry.creating((String bearerToken, Verified entry) -> Duration
                        .between(clock.instant(), Instant.ofEpochSecond(entry.refusedFrom()))))
                .ticker(() -> {
                    Instant now = clock.instant();
                    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
                })
                // evictions and expiries are applied by the calling thread: no task on the common pool
                .executor(Runnable::run)
                .build();
    }

    @Override
    JWTParser delegate() {
        return delegate;
    }

    @Override
    public JsonWebToken parse(String bearerToken) throws ParseException {
        if (verified == null || bearerToken == null) {
            return delegate.parse(bearerToken);
        }
        Verified cached = verified.getIfPresent(bearerToken);
        if (cached != null) {
            return cached.token();
        }
        JsonWebToken token = delegate.parse(bearerToken);
        verified.put(bearerToken, new Verified(token, refusedFrom(token)));
        return token;
    }

    /**
     * The first second at which jose4j refuses the token for time: it requires {@code now - skew < exp}, and, when a
     * maximum token age is set, {@code now - iat <= age} (without skew).
     */
    private long refusedFrom(JsonWebToken token) {
        long refusedFrom = token.getExpirationTime() + skewSeconds;
        if (tokenAgeSeconds != null) {
            refusedFrom = Math.min(refusedFrom, token.getIssuedAtTime() + tokenAgeSeconds + 1);
        }
        return refusedFrom;
    }

    /** Number of tokens kept. */
    long size() {
        if (verified == null) {
            return 0;
        }
        verified.cleanUp();
        return verified.estimatedSize();
    }

    /** Whether {@code bearerToken} is kept and still accepted from the cache. */
    boolean isCached(String bearerToken) {
        return verified != null && verified.getIfPresent(bearerToken) != null;
    }
}
