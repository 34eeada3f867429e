package org.videoclub.catalog.security;

import static io.restassured.RestAssured.given;
import static org.videoclub.catalog.support.Api.assertProblem;

import java.time.Instant;
import java.util.List;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;
import org.videoclub.catalog.support.TestTokens;

import io.quarkus.test.junit.QuarkusTest;

/** Only tokens signed by auth's key, for catalog's issuer and audience, unexpired, with a session, are accepted. */
@QuarkusTest
class TokenVerificationTest {

    private static void refused(String token) {
        assertProblem(given().auth().oauth2(token).get("/books"), 401)
                .then().header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    }

    private static JwtClaims readerClaims() {
        return TestTokens.claims("reader", TestTokens.newSessionId());
    }

    @Test
    void aGenuineTokenIsAccepted() {
        given().auth().oauth2(TestTokens.token("reader")).get("/books").then().statusCode(200);
    }

    @Test
    void theSameTokenIsAcceptedOnEveryRequest() {
        // from the second request on, from the cache of verified tokens (TokenCacheTest)
        String token = TestTokens.token("reader");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).get("/books").then().statusCode(200);
        }
    }

    @Test
    void anUnsignedTokenIsRefused() {
        refused(TestTokens.unsigned(readerClaims()));
    }

    @Test
    void anHs256TokenKeyedWithThePublicKeyIsRefused() {
        refused(TestTokens.hmacWithPublicKey(readerClaims()));
    }

    @Test
    void aTamperedPayloadIsRefused() {
        String genuine = TestTokens.token("reader");
        JwtClaims promoted = readerClaims();
        promoted.setStringListClaim("groups", List.of("admin"));
        refused(TestTokens.tampered(genuine, promoted));
    }

    @Test
    void anotherIssuerOrAudienceIsRefused() {
        JwtClaims otherIssuer = readerClaims();
        otherIssuer.setIssuer("someone-else");
        refused(TestTokens.sign(otherIssuer));
        JwtClaims otherAudience = readerClaims();
        otherAudience.setAudience("another-service");
        refused(TestTokens.sign(otherAudience));
    }

    @Test
    void expiryIsCheckedWithThirtySecondsOfSkewAtMost() {
        // issued 15 minutes before it expired, so that only the expiry check (30 s of skew, not smallrye's default 60)
        // can refuse it
        JwtClaims expired = readerClaims();
        expired.setIssuedAt(NumericDate.fromSeconds(Instant.now().minusSeconds(945).getEpochSecond()));
        expired.setExpirationTime(NumericDate.fromSeconds(Instant.now().minusSeconds(45).getEpochSecond()));
        refused(TestTokens.sign(expired));
        JwtClaims withinSkew = readerClaims();
        withinSkew.setIssuedAt(NumericDate.fromSeconds(Instant.now().minusSeconds(910).getEpochSecond()));
        withinSkew.setExpirationTime(NumericDate.fromSeconds(Instant.now().minusSeconds(10).getEpochSecond()));
        given().auth().oauth2(TestTokens.sign(withinSkew)).get("/books").then().statusCode(200);
        JwtClaims noExpiry = readerClaims();
        noExpiry.unsetClaim("exp");
        refused(TestTokens.sign(noExpiry));
    }

    @Test
    void aTokenWithoutSessionIsRefused() {
        JwtClaims noSession = readerClaims();
        noSession.unsetClaim("sid");
        refused(TestTokens.sign(noSession));
    }

    @Test
    void garbageIsRefused() {
        refused("not-a-jwt");
        refused("a.b.c");
    }
}
