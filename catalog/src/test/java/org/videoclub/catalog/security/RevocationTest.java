package org.videoclub.catalog.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videoclub.catalog.support.Api.assertProblem;

import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.videoclub.catalog.support.StubAuthServer;
import org.videoclub.catalog.support.TestTokens;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The revocation feed as the default configuration uses it (60 s of staleness allowed). States are asserted after a
 * poll has been applied ({@link #pollApplied()}), not after wall time: how soon the background poll refuses a revoked
 * token (2 s) is measured by deploy/bench/revocation-latency.sh.
 */
@QuarkusTest
class RevocationTest {

    @AfterEach
    void authBack() {
        StubAuthServer.setDown(false);
        StubAuthServer.setHanging(false);
    }

    /** Returns once a poll that read the feed after this call has been applied: forced, in the service's own JVM. */
    protected void pollApplied() {
        Polls.force();
    }

    private static int booksStatus(String token) {
        return given().auth().oauth2(token).get("/books").statusCode();
    }

    @Test
    void aRevokedSessionIsRefusedOnceAPollHasReadItsRevocation() {
        String sid = TestTokens.newSessionId();
        String token = TestTokens.token("reader", sid);
        String otherSession = TestTokens.token("reader");
        assertEquals(200, booksStatus(token));

        StubAuthServer.revoke(sid, Instant.now().plusSeconds(900));
        pollApplied();
        assertProblem(given().auth().oauth2(token).get("/books"), 401)
                .then().header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        assertEquals(200, booksStatus(otherSession));
        given().get("/q/metrics").then().body(org.hamcrest.Matchers.containsString("catalog_revocation_sessions"));
    }

    @Test
    void whileAuthIsDownCatalogServesWithWhatItKnows() {
        String revokedSid = TestTokens.newSessionId();
        String revoked = TestTokens.token("reader", revokedSid);
        StubAuthServer.revoke(revokedSid, Instant.now().plusSeconds(900));
        pollApplied();

        StubAuthServer.setDown(true);
        int requestsBefore = StubAuthServer.requests();
        pollApplied();
        assertTrue(StubAuthServer.requests() > requestsBefore, "the forced poll asked the feed, which failed");

        assertEquals(200, booksStatus(TestTokens.token("reader")));
        assertEquals(401, booksStatus(revoked));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void aHangingAuthDoesNotHoldUpRequests() {
        StubAuthServer.setHanging(true);
        int requestsBefore = StubAuthServer.requests();
        // the stub holds every answer 10 s; the poll gives up after catalog.revocation.request-timeout meanwhile
        pollApplied();
        assertTrue(StubAuthServer.requests() > requestsBefore);
        // requests are answered from memory meanwhile
        assertEquals(200, booksStatus(TestTokens.token("reader")));
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void revocationsOfExpiredTokensAreNotKept() {
        String sid = TestTokens.newSessionId();
        // expired longer ago than the clock skew: no token of this session can be accepted anyway
        StubAuthServer.revoke(sid, Instant.now().minusSeconds(120));
        pollApplied();
        // a token of that session signed now (e.g. before auth's revocation reached it) is not refused by a stale entry
        assertEquals(200, booksStatus(TestTokens.token("reader", sid)));
    }
}
