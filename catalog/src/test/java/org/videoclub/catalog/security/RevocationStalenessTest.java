package org.videoclub.catalog.security;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.videoclub.catalog.support.Api.assertProblem;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.videoclub.catalog.support.StubAuthServer;
import org.videoclub.catalog.support.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * With short intervals: fail closed once auth has been unreachable for longer than max-staleness (503 and readiness
 * DOWN, until it returns), and the periodic re-read of the whole feed.
 */
@QuarkusTest
@TestProfile(RevocationStalenessTest.ShortStaleness.class)
class RevocationStalenessTest {

    public static class ShortStaleness implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("catalog.revocation.max-staleness", "3s", "catalog.revocation.poll-interval", "200ms",
                    "catalog.revocation.full-resync-interval", "1s");
        }
    }

    @AfterEach
    void authBack() {
        StubAuthServer.setDown(false);
    }

    @Test
    void aRevocationCommittedLateIsFoundByTheFullReread() {
        String sid = TestTokens.newSessionId();
        String token = TestTokens.token("reader", sid);
        String marker = TestTokens.newSessionId();
        StubAuthServer.revoke(marker, Instant.now().plusSeconds(900));
        String markerToken = TestTokens.token("reader", marker);
        await().atMost(Duration.ofSeconds(10)).until(() -> given().auth().oauth2(markerToken).get("/books").statusCode() == 401);

        StubAuthServer.revokeLate(sid, Instant.now().plusSeconds(900), 1);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> given().auth().oauth2(token).get("/books").statusCode() == 401);
    }

    private static int booksStatus() {
        return given().auth().oauth2(TestTokens.token("reader")).get("/books").statusCode();
    }

    @Test
    void staleRevocationsMean503AndNotReadyThenRecovery() {
        await().atMost(Duration.ofSeconds(10)).until(() -> booksStatus() == 200);

        StubAuthServer.setDown(true);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> booksStatus() == 503);
        assertProblem(given().auth().oauth2(TestTokens.token("admin")).get("/genres"), 503).then().header("Retry-After", "5");
        given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        given().get("/q/health/live").then().statusCode(200);

        StubAuthServer.setDown(false);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> booksStatus() == 200);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
