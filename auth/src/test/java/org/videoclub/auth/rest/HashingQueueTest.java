package org.videoclub.auth.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.videoclub.auth.Api;
import org.videoclub.auth.TestDatabase;
import org.videoclub.testing.Concurrently;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The bcrypt queue is bounded: with one hashing thread and no waiting place, requests beyond the one being hashed
 * get 503 with Retry-After at once, and a refused sign-up makes no account.
 */
@QuarkusTest
@TestProfile(HashingQueueTest.OnePlace.class)
class HashingQueueTest {

    public static class OnePlace implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // A slow hash, so that the parallel requests of the test overlap.
            return Map.of("auth.password.hash-threads", "1", "auth.password.hash-queue", "0",
                    "auth.password.bcrypt-cost", "12");
        }
    }

    @BeforeEach
    void warmUp() throws Exception {
        Api.warmUpThePool();
    }

    @Test
    void aFullQueueAnswers503() throws Exception {
        String prefix = Api.uniqueName("queued");
        List<Response> answers = Concurrently.run(16, i -> () -> given().contentType(ContentType.JSON)
                .body(Map.of("username", prefix + "-" + i, "password", Api.PASSWORD)).post("/users"));
        long created = answers.stream().filter(a -> a.statusCode() == 201).count();
        List<Response> refused = answers.stream().filter(a -> a.statusCode() == 503).toList();
        assertEquals(16, created + refused.size(), LoginThrottleTest.statuses(answers));
        assertTrue(created >= 1 && !refused.isEmpty(), LoginThrottleTest.statuses(answers));
        refused.forEach(a -> {
            assertEquals("application/problem+json", a.contentType());
            assertTrue(Integer.parseInt(a.header("Retry-After")) >= 1);
        });
        assertEquals(created, TestDatabase.number("SELECT COUNT(*) FROM users WHERE username LIKE '" + prefix + "-%'"));

        // Logins too; a refused login does not count against the account's throttle.
        String name = prefix + "-login";
        Api.signUp(name, Api.PASSWORD);
        List<Response> logins = Concurrently.run(16, i -> () -> given().contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", Api.PASSWORD)).post("/login"));
        long busy = logins.stream().filter(a -> a.statusCode() == 503).count();
        assertTrue(busy >= 1, LoginThrottleTest.statuses(logins));
        assertEquals(16 - busy, logins.stream().filter(a -> a.statusCode() == 200).count(),
                LoginThrottleTest.statuses(logins));
    }
}
