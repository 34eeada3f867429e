package org.videoclub.catalog.security;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.SecretKey;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.videoclub.catalog.config.CatalogConfig;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * The token parser smallrye-jwt uses, with a cache of the access tokens already verified: verifying the same bearer
 * token from scratch on every request (RSA signature, jose4j claim parsing) cost 17-31% of catalog's CPU on
 * {@code GET /books/{id}} in the benchmarks.
 *
 * <p>
 * What keeps it safe: a token is kept only once {@link DefaultJWTParser} has accepted it (a refusal is never kept),
 * under its exact text; it is accepted from the cache only until the moment the full verification would refuse it for
 * time ({@code exp} plus the clock skew), then dropped and verified again; {@link RevocationCheck} still runs on every
 * request, cached or not; and at most {@code catalog.token-cache.max-size} tokens are kept: when full, expired ones
 * are dropped and, if none has expired, the new token is not kept. Only {@link #parse(String)} is cached; every other
 * method delegates unchanged.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CachingJwtParser implements JWTParser {

    /** A verified token, and the epoch second from which the full verification refuses it. */
    private record Verified(JsonWebToken token, long refusedFrom) {
    }

    private final JWTParser delegate;
    private final int maxSize;
    private final long skewSeconds;
    private final Long tokenAgeSeconds;
    private final InstantSource clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    /**
     * Entries kept or being put: taken before a put and given back after a remove, so it is never below the map's
     * size and never above max-size, even with concurrent puts.
     */
    private final AtomicInteger slots = new AtomicInteger();

    @Inject
    CachingJwtParser(JWTAuthContextInfo authContextInfo, JWTCallerPrincipalFactory principalFactory, CatalogConfig config) {
        // the same two objects smallrye-jwt's own DefaultJWTParser bean is given
        this(new DefaultJWTParser(authContextInfo, principalFactory), authContextInfo, config.tokenCache().maxSize(),
                InstantSource.system());
    }

    /** {@code authContextInfo}: the verification settings {@code delegate} applies, for their time limits. */
    CachingJwtParser(JWTParser delegate, JWTAuthContextInfo authContextInfo, int maxSize, InstantSource clock) {
        this.delegate = delegate;
        this.maxSize = maxSize;
        // as smallrye-jwt's DefaultJWTTokenParser: the deprecated expiry grace period, when set, replaces the skew
        this.skewSeconds = authContextInfo.getExpGracePeriodSecs() > 0 ? authContextInfo.getExpGracePeriodSecs()
                : Math.max(authContextInfo.getClockSkew(), 0);
        this.tokenAgeSeconds = authContextInfo.getTokenAge();
        this.clock = clock;
    }

    @Override
    public JsonWebToken parse(String bearerToken) throws ParseException {
        if (maxSize <= 0 || bearerToken == null) {
            return delegate.parse(bearerToken);
        }
        Verified cached = verified.get(bearerToken);
        if (cached != null) {
            if (now() < cached.refusedFrom()) {
                return cached.token();
            }
            remove(bearerToken, cached);
        }
        JsonWebToken token = delegate.parse(bearerToken);
        keep(bearerToken, new Verified(token, refusedFrom(token)));
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

    private long now() {
        return clock.instant().getEpochSecond();
    }

    private void keep(String bearerToken, Verified entry) {
        if (!takeSlot()) {
            removeExpired();
            if (!takeSlot()) {
                return;
            }
        }
        if (verified.putIfAbsent(bearerToken, entry) != null) {
            slots.decrementAndGet();
        }
    }

    private boolean takeSlot() {
        int taken;
        do {
            taken = slots.get();
            if (taken >= maxSize) {
                return false;
            }
        } while (!slots.compareAndSet(taken, taken + 1));
        return true;
    }

    private void removeExpired() {
        long now = now();
        verified.forEach((bearerToken, entry) -> {
            if (now >= entry.refusedFrom()) {
                remove(bearerToken, entry);
            }
        });
    }

    private void remove(String bearerToken, Verified entry) {
        if (verified.remove(bearerToken, entry)) {
            slots.decrementAndGet();
        }
    }

    /** Number of tokens kept. */
    int size() {
        return verified.size();
    }

    /** Whether {@code bearerToken} is kept (expired or not). */
    boolean isCached(String bearerToken) {
        return verified.containsKey(bearerToken);
    }

    @Override
    public JsonWebToken parse(String bearerToken, JWTAuthContextInfo newAuthContextInfo) throws ParseException {
        return delegate.parse(bearerToken, newAuthContextInfo);
    }

    @Override
    public JsonWebToken verify(String bearerToken, PublicKey key) throws ParseException {
        return delegate.verify(bearerToken, key);
    }

    @Override
    public JsonWebToken verify(String bearerToken, SecretKey key) throws ParseException {
        return delegate.verify(bearerToken, key);
    }

    @Override
    public JsonWebToken verify(String bearerToken, String secret) throws ParseException {
        return delegate.verify(bearerToken, secret);
    }

    @Override
    public JsonWebToken decrypt(String bearerToken, PrivateKey key) throws ParseException {
        return delegate.decrypt(bearerToken, key);
    }

    @Override
    public JsonWebToken decrypt(String bearerToken, SecretKey key) throws ParseException {
        return delegate.decrypt(bearerToken, key);
    }

    @Override
    public JsonWebToken decrypt(String bearerToken, String secret) throws ParseException {
        return delegate.decrypt(bearerToken, secret);
    }

    @Override
    public JsonWebToken parseOnly(String bearerToken) throws ParseException {
        return delegate.parseOnly(bearerToken);
    }
}
