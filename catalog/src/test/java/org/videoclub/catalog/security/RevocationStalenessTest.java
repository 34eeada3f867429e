package org.videoclub.catalog.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.videoclub.catalog.support.Api.assertProblem;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.videoclub.catalog.config.CatalogConfig;
import org.videoclub.catalog.support.MovableClock;
import org.videoclub.catalog.support.StubAuthServer;
import org.videoclub.catalog.support.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The rules driven by time, on a clock the test moves and with forced polls only: fail closed once the last good sync
 * is older than max-staleness (503 and readiness DOWN, until a poll succeeds again), and the periodic re-read of the
 * whole feed.
 */
@QuarkusTest
@TestProfile(RevocationStalenessTest.MovedClock.class)
class RevocationStalenessTest {

    public static class MovedClock implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(MovableClock.class);
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // no background poll during the tests: only the forced ones
            return Map.of("catalog.revocation.poll-interval", "1h");
        }
    }

    @Inject
    MovableClock clock;

    @Inject
    CatalogConfig config;

    @BeforeEach
    void synced() {
        Polls.force();
    }

    @AfterEach
    void authBack() {
        StubAuthServer.setDown(false);
    }

    private static int booksStatus(String token) {
        return given().auth().oauth2(token).get("/books").statusCode();
    }

    @Test
    void aRevocationCommittedLateIsFoundByTheFullReread() {
        String marker = TestTokens.newSessionId();
        StubAuthServer.revoke(marker, Instant.now().plusSeconds(900));
        Polls.force();
        assertEquals(401, booksStatus(TestTokens.token("reader", marker)));

        String sid = TestTokens.newSessionId();
        String token = TestTokens.token("reader", sid);
        StubAuthServer.revokeLate(sid, Instant.now().plusSeconds(900), 1);
        clock.advance(Duration.ofSeconds(1));
        Polls.force();
        assertEquals(200, booksStatus(token), "a poll from the last sequence seen cannot find it");

        clock.advance(config.revocation().fullResyncInterval());
        Polls.force();
        assertProblem(given().auth().oauth2(token).get("/books"), 401);
    }

    @Test
    void staleRevocationsMean503AndNotReadyThenRecovery() {
        String token = TestTokens.token("reader");
        assertEquals(200, booksStatus(token));

        StubAuthServer.setDown(true);
        Polls.force();
        clock.advance(config.revocation().maxStaleness());
        assertEquals(200, booksStatus(token), "exactly max-staleness old: still fresh");

        clock.advance(Duration.ofSeconds(1));
        assertProblem(given().auth().oauth2(token).get("/books"), 503);
        assertProblem(given().auth().oauth2(TestTokens.token("admin")).get("/genres"), 503).then().header("Retry-After", "5");
        given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        given().get("/q/health/live").then().statusCode(200);

        Polls.force();
        assertProblem(given().auth().oauth2(token).get("/books"), 503);

        StubAuthServer.setDown(false);
        Polls.force();
        assertEquals(200, booksStatus(token));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
