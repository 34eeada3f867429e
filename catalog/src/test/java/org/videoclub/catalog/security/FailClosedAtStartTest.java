package org.videoclub.catalog.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.videoclub.catalog.support.Api.assertProblem;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.videoclub.catalog.support.CatalogDatabase;
import org.videoclub.catalog.support.StubAuthServer;
import org.videoclub.catalog.support.TestKey;
import org.videoclub.catalog.support.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A catalog started while auth is unreachable knows no revocation: it is not ready and refuses every protected request
 * with 503, so a token auth has revoked meanwhile is refused rather than accepted (SPEC section 5, fail closed).
 */
@QuarkusTest
@TestProfile(FailClosedAtStartTest.AuthUnreachable.class)
class FailClosedAtStartTest {

    public static class AuthUnreachable implements QuarkusTestProfile {
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(CatalogDatabase.class), new TestResourceEntry(TestKey.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // port 1: nothing listens, every poll is refused
            return Map.of("quarkus.rest-client.auth.url", "http://127.0.0.1:1");
        }
    }

    @Test
    void aRevokedTokenIsRefusedWith503UntilTheFirstGoodSync() {
        String sid = TestTokens.newSessionId();
        String token = TestTokens.token("reader", sid);
        // auth has revoked the session; this catalog cannot know
        StubAuthServer.revoke(sid, Instant.now().plusSeconds(900));
        Polls.force();

        assertProblem(given().auth().oauth2(token).get("/books"), 503).then().header("Retry-After", "5");
        assertProblem(given().auth().oauth2(TestTokens.token("admin")).get("/genres"), 503);
        given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'revocation-feed' }.data.synced", equalTo(false));
        given().get("/q/health/live").then().statusCode(200);
    }
}
