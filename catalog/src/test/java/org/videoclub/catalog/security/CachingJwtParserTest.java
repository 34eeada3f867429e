package org.videoclub.catalog.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.crypto.SecretKey;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/** The cache logic alone: a stand-in verifier that counts its calls, and a clock the test moves. */
class CachingJwtParserTest {

    private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");
    private static final long T0 = START.getEpochSecond();

    private Instant now = START;
    private final InstantSource clock = () -> now;
    private final Verifier verifier = new Verifier();

    /** Stands in for DefaultJWTParser: accepts the tokens in {@link #accepted}, refuses the others, counts its calls. */
    private static final class Verifier implements JWTParser {
        final Map<String, JsonWebToken> accepted = new HashMap<>();
        int calls;

        private JsonWebToken answer(String bearerToken) throws ParseException {
            calls++;
            JsonWebToken token = accepted.get(bearerToken);
            if (token == null) {
                throw new ParseException("refused");
            }
            return token;
        }

        @Override
        public JsonWebToken parse(String bearerToken) throws ParseException {
            return answer(bearerToken);
        }

        @Override
        public JsonWebToken parse(String bearerToken, JWTAuthContextInfo info) throws ParseException {
            return answer(bearerToken);
        }

        @Override
        public JsonWebToken verify(String bearerToken, PublicKey key) throws ParseException {
            return answer(bearerToken);
        }

        @Override
        public JsonWebToken verify(String bearerToken, SecretKey key) throws ParseException {
            return answer(bearerToken);
        }

        @Override
        public JsonWebToken verify(String bearerToken, String secret) throws ParseException {
            return answer(bearerToken);
        }

        @Override
        public JsonWebToken decrypt(String bearerToken, PrivateKey key) throws ParseException {
            return answer(bearerToken);
        }

        @Override
        public JsonWebToken decrypt(String bearerToken, SecretKey key) throws ParseException {
            return answer(bearerToken);
        }

        @Override
        public JsonWebToken decrypt(String bearerToken, String secret) throws ParseException {
            return answer(bearerToken);
        }

        @Override
        public JsonWebToken parseOnly(String bearerToken) throws ParseException {
            return answer(bearerToken);
        }
    }

    /** A verified token issued at {@code iat}, expiring at {@code exp} (epoch seconds). */
    private static JsonWebToken jwt(long iat, long exp) {
        Map<String, Object> claims = Map.of("iat", iat, "exp", exp, "sid", "s" + exp);
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "reader-user";
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String name) {
                return (T) claims.get(name);
            }
        };
    }

    /** {@code name} is a token the verifier accepts, expiring at {@code exp}. */
    private JsonWebToken accepted(String name, long exp) {
        JsonWebToken token = jwt(exp - 900, exp);
        verifier.accepted.put(name, token);
        return token;
    }

    private static JWTAuthContextInfo withSkew(int seconds) {
        JWTAuthContextInfo info = new JWTAuthContextInfo();
        info.setClockSkew(seconds);
        return info;
    }

    private CachingJwtParser cache(int maxSize) {
        return new CachingJwtParser(verifier, withSkew(30), maxSize, clock);
    }

    @Test
    void aTokenAcceptedOnceIsNotVerifiedAgain() throws ParseException {
        CachingJwtParser cache = cache(10);
        JsonWebToken token = accepted("a", T0 + 900);

        assertSame(token, cache.parse("a"));
        assertSame(token, cache.parse("a"));
        assertSame(token, cache.parse("a"));
        assertEquals(1, verifier.calls);
        assertTrue(cache.isCached("a"));
    }

    @Test
    void aKeptTokenIsAcceptedUntilExpPlusSkewThenVerifiedAgain() throws ParseException {
        CachingJwtParser cache = cache(10);
        JsonWebToken token = accepted("a", T0 + 900);
        cache.parse("a");

        now = Instant.ofEpochSecond(T0 + 900 + 29, 999_999_999);
        assertSame(token, cache.parse("a"));
        assertEquals(1, verifier.calls);

        // jose4j refuses from exp + skew on: the entry is dropped and the verifier has the last word
        now = Instant.ofEpochSecond(T0 + 900 + 30);
        verifier.accepted.remove("a");
        assertThrows(ParseException.class, () -> cache.parse("a"));
        assertEquals(2, verifier.calls);
        assertFalse(cache.isCached("a"));
        assertThrows(ParseException.class, () -> cache.parse("a"));
        assertEquals(3, verifier.calls);
    }

    @Test
    void aTokenVerifiedAgainAfterItsExpiryIsKeptAgainIfTheVerifierAcceptsIt() throws ParseException {
        CachingJwtParser cache = cache(10);
        accepted("a", T0 + 10);
        cache.parse("a");
        now = START.plusSeconds(40);
        // a verifier with a later clock than this one's, say: its answer counts, and the entry is renewed
        JsonWebToken renewed = accepted("a", T0 + 100);

        assertSame(renewed, cache.parse("a"));
        assertSame(renewed, cache.parse("a"));
        assertEquals(2, verifier.calls);
        assertEquals(1, cache.size());
    }

    @Test
    void refusalsAreNeverCached() throws ParseException {
        CachingJwtParser cache = cache(10);

        assertThrows(ParseException.class, () -> cache.parse("forged"));
        assertThrows(ParseException.class, () -> cache.parse("forged"));
        assertEquals(2, verifier.calls);
        assertEquals(0, cache.size());

        // refused once (say the key could not be read then), accepted when verified again
        JsonWebToken token = accepted("forged", T0 + 900);
        assertSame(token, cache.parse("forged"));
        assertEquals(3, verifier.calls);
    }

    @Test
    void whenFullTheBoundHoldsAndEveryTokenIsStillAnsweredRightly() throws ParseException {
        CachingJwtParser cache = cache(2);
        Map<String, JsonWebToken> tokens = new HashMap<>();
        for (String name : List.of("a", "b", "c", "d")) {
            tokens.put(name, accepted(name, T0 + 900));
        }
        // Caffeine picks which tokens stay (by frequency and recency); the bound and the answers are the contract
        for (int round = 0; round < 3; round++) {
            for (String name : List.of("a", "b", "c", "d")) {
                assertSame(tokens.get(name), cache.parse(name));
                assertTrue(cache.size() <= 2, "kept " + cache.size());
            }
        }
        assertThrows(ParseException.class, () -> cache.parse("never-accepted"));
        assertTrue(cache.size() <= 2);
    }

    @Test
    void whenFullExpiredTokensMakeRoom() throws ParseException {
        CachingJwtParser cache = cache(2);
        accepted("short", T0 + 60);
        accepted("long", T0 + 900);
        accepted("new", T0 + 900);
        cache.parse("short");
        cache.parse("long");

        now = START.plusSeconds(60 + 30);
        cache.parse("new");

        assertEquals(2, cache.size());
        assertTrue(cache.isCached("new"));
        assertTrue(cache.isCached("long"));
        assertFalse(cache.isCached("short"));
        cache.parse("new");
        assertEquals(3, verifier.calls);
    }

    @Test
    void maxSizeZeroTurnsTheCacheOff() throws ParseException {
        CachingJwtParser cache = cache(0);
        accepted("a", T0 + 900);

        cache.parse("a");
        cache.parse("a");

        assertEquals(2, verifier.calls);
        assertEquals(0, cache.size());
    }

    @Test
    void everyOtherMethodIsPassedOnUncached() throws ParseException {
        CachingJwtParser cache = cache(10);
        JsonWebToken token = accepted("a", T0 + 900);

        assertSame(token, cache.parse("a", withSkew(0)));
        assertSame(token, cache.parse("a", withSkew(0)));
        assertSame(token, cache.parseOnly("a"));
        assertSame(token, cache.verify("a", (PublicKey) null));
        assertSame(token, cache.verify("a", (SecretKey) null));
        assertSame(token, cache.verify("a", "secret"));
        assertSame(token, cache.decrypt("a", (PrivateKey) null));
        assertSame(token, cache.decrypt("a", (SecretKey) null));
        assertSame(token, cache.decrypt("a", "secret"));

        assertEquals(9, verifier.calls);
        assertEquals(0, cache.size());
    }

    @Test
    void theDeprecatedGracePeriodAndTheMaximumTokenAgeAreHonouredAsTheVerifierDoes() throws ParseException {
        // smallrye.jwt.expiration.grace, when set, replaces the clock skew
        JWTAuthContextInfo grace = withSkew(30);
        grace.setExpGracePeriodSecs(60);
        CachingJwtParser withGrace = new CachingJwtParser(verifier, grace, 10, clock);
        accepted("a", T0 + 100);
        withGrace.parse("a");
        now = START.plusSeconds(100 + 59);
        withGrace.parse("a");
        assertEquals(1, verifier.calls);
        now = START.plusSeconds(100 + 60);
        withGrace.parse("a");
        assertEquals(2, verifier.calls);

        // mp.jwt.verify.token.age: refused once now - iat > age, without skew, when that comes before exp + skew
        now = START;
        JWTAuthContextInfo maxAge = withSkew(30);
        maxAge.setTokenAge(300L);
        CachingJwtParser withMaxAge = new CachingJwtParser(verifier, maxAge, 10, clock);
        verifier.accepted.put("b", jwt(T0, T0 + 900));
        withMaxAge.parse("b");
        now = START.plusSeconds(300);
        withMaxAge.parse("b");
        assertEquals(3, verifier.calls);
        now = START.plusSeconds(301);
        withMaxAge.parse("b");
        assertEquals(4, verifier.calls);
    }
}
