package org.videoclub.catalog.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videoclub.catalog.support.Api.assertProblem;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;
import org.videoclub.catalog.support.StubAuthServer;
import org.videoclub.catalog.support.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The cache of verified tokens, through HTTP, as catalog uses it: a token accepted is kept by {@link CachingJwtParser}
 * (which shows that smallrye-jwt parses with it) and served from it, and the checks that must still refuse it do. When
 * a kept token's time runs out is {@link CachingJwtParserTest}'s to check, on a clock it moves.
 */
@QuarkusTest
@TestProfile(TokenCacheTest.OwnApplication.class)
class TokenCacheTest {

    /** An application of its own, default settings: its cache is not already full of the other tests' tokens. */
    public static class OwnApplication implements QuarkusTestProfile {
    }

    @Inject
    CachingJwtParser cache;

    private static int booksStatus(String token) {
        return given().auth().oauth2(token).get("/books").statusCode();
    }

    private static void refused(String token) {
        assertProblem(given().auth().oauth2(token).get("/books"), 401)
                .then().header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    }

    @Test
    void aTokenAcceptedIsKeptAndAcceptedAgainFromTheCache() {
        String token = TestTokens.token("reader");
        assertFalse(cache.isCached(token));

        assertEquals(200, booksStatus(token));
        assertTrue(cache.isCached(token), "the token verified for the request is in the cache smallrye-jwt parses with");
        long kept = cache.size();
        assertEquals(200, booksStatus(token));
        assertEquals(200, booksStatus(token));
        assertEquals(kept, cache.size());
    }

    @Test
    void aCachedTokenIsRefusedOnceAPollHasReadItsRevocation() {
        String sid = TestTokens.newSessionId();
        String token = TestTokens.token("reader", sid);
        assertEquals(200, booksStatus(token));
        assertTrue(cache.isCached(token));

        StubAuthServer.revoke(sid, Instant.now().plusSeconds(900));
        Polls.force();
        refused(token);
        // still cached and unexpired: the refusal is RevocationCheck's, which runs on cached tokens too
        assertTrue(cache.isCached(token));
    }

    @Test
    void forgedAndExpiredTokensStayRefusedAndAreNotCached() {
        String genuine = TestTokens.token("reader");
        assertEquals(200, booksStatus(genuine));
        assertTrue(cache.isCached(genuine));

        JwtClaims promoted = TestTokens.claims("admin", TestTokens.newSessionId());
        promoted.setStringListClaim("groups", List.of("admin"));
        String tampered = TestTokens.tampered(genuine, promoted);
        JwtClaims expiredClaims = TestTokens.claims("reader", TestTokens.newSessionId());
        expiredClaims.setExpirationTime(NumericDate.fromSeconds(Instant.now().minusSeconds(45).getEpochSecond()));
        String expired = TestTokens.sign(expiredClaims);
        String unsigned = TestTokens.unsigned(TestTokens.claims("reader", TestTokens.newSessionId()));
        for (String token : List.of(tampered, expired, unsigned)) {
            refused(token);
            refused(token);
            assertFalse(cache.isCached(token));
        }
    }
}
