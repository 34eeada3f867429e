package org.videoclub.auth.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.videoclub.auth.Api;
import org.videoclub.auth.Api.Account;
import org.videoclub.auth.Metrics;
import org.videoclub.auth.TestDatabase;
import org.videoclub.auth.service.AuditService;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Every security event of SPEC section 3 is recorded, with its actor, subject, request id and client, no secret. */
@QuarkusTest
class AuditEventTest {

    @Inject
    AuditService audit;

    @Test
    void eachActionRecordsItsEvent() throws Throwable {
        Account admin = Api.admin();
        String name = Api.uniqueName("audited");
        String password = "audited password 1";

        long id = given().header("X-Request-Id", "rid-signup").contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", password)).post("/users").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        assertEvent(admin, newest(admin, id), "user.signed-up", null, id, "rid-signup");

        String refreshToken = given().header("X-Request-Id", "rid-login").contentType(ContentType.JSON)
                .body(Map.of("username", name.toUpperCase(), "password", password)).post("/login").then()
                .statusCode(200).extract().path("refresh_token");
        assertEvent(admin, newest(admin, id), "login.succeeded", id, id, "rid-login");

        given().header("X-Request-Id", "rid-failed").contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", "wrong password")).post("/login").then().statusCode(401);
        assertEvent(admin, newest(admin, id), "login.failed", null, id, "rid-failed");

        // Refresh-token reuse.
        String rotated = refresh(refreshToken).statusCode(200).extract().path("refresh_token");
        given().header("X-Request-Id", "rid-reuse").contentType(ContentType.JSON)
                .body(Map.of("refresh_token", refreshToken)).post("/refresh").then().statusCode(401);
        assertEvent(admin, newest(admin, id), "refresh-token.reused", null, id, "rid-reuse");
        refresh(rotated).statusCode(401);

        Account user = Api.signIn(id, name, password);
        given().header("X-Request-Id", "rid-logout").header("Authorization", user.bearer()).post("/logout").then()
                .statusCode(204);
        assertEvent(admin, newest(admin, id), "logout", id, id, "rid-logout");

        user = Api.signIn(id, name, password);
        String newPassword = "audited password 2";
        given().header("X-Request-Id", "rid-password").header("Authorization", user.bearer())
                .contentType(ContentType.JSON).body(Map.of("password", newPassword, "currentPassword", password))
                .patch("/users/" + id).then().statusCode(200);
        assertEvent(admin, newest(admin, id), "user.password-changed", id, id, "rid-password");

        given().header("X-Request-Id", "rid-role").header("Authorization", admin.bearer())
                .contentType(ContentType.JSON).body(Map.of("role", "editor")).patch("/users/" + id).then()
                .statusCode(200);
        assertEvent(admin, newest(admin, id), "user.role-changed", admin.id(), id, "rid-role");

        // Throttling, after five failures in a row.
        for (int i = 0; i < 5; i++) {
            Api.login(name, "wrong password").statusCode(401);
        }
        given().header("X-Request-Id", "rid-throttled").contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", newPassword)).post("/login").then().statusCode(429);
        assertEvent(admin, newest(admin, id), "login.throttled", null, id, "rid-throttled");

        given().header("X-Request-Id", "rid-delete").header("Authorization", admin.bearer())
                .delete("/users/" + id).then().statusCode(204);
        assertEvent(admin, newest(admin, id), "user.deleted", admin.id(), id, "rid-delete");

        // Key rotation: KeyRotationAuditTest.

        // Nothing secret in any event of the user: no password, no refresh or access token.
        String all = given().header("Authorization", admin.bearer()).queryParam("userId", id).queryParam("limit", 100)
                .get("/audit-events").then().statusCode(200).extract().asString();
        for (String secret : List.of(password, newPassword, refreshToken, rotated, user.accessToken(),
                user.refreshToken())) {
            assertFalse(all.contains(secret), "an event holds a secret");
        }
        assertEquals(List.of("user.deleted", "login.throttled", "login.failed", "login.failed", "login.failed",
                "login.failed", "login.failed", "user.role-changed", "user.password-changed", "login.succeeded",
                "logout", "login.succeeded", "refresh-token.reused", "login.failed", "login.succeeded",
                "user.signed-up"), new JsonPath(all).getList("items.type"));
        assertEquals(0, TestDatabase.number("SELECT COUNT(*) FROM audit_events WHERE request_id LIKE '%.%.%'"));
    }

    @Test
    void eventsArePagedNewestFirstAndFiltered() {
        Account admin = Api.admin();
        Account user = Api.account("reader");
        for (int i = 0; i < 5; i++) {
            Api.login(user.username(), "wrong password").statusCode(401);
        }
        // Five failures and the sign-up and login of the user: pages of two, newest first, without gaps.
        List<Long> ids = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var request = given().header("Authorization", admin.bearer()).queryParam("userId", user.id())
                    .queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/audit-events").then().statusCode(200).extract();
            ids.addAll(page.jsonPath().getList("items.id", Long.class));
            cursor = page.jsonPath().getString("next");
            if (cursor != null) {
                assertTrue(page.header("Link").contains("rel=\"next\""));
            }
        } while (cursor != null);
        assertEquals(7, ids.size());
        Set<Long> distinct = new HashSet<>(ids);
        assertEquals(7, distinct.size());
        assertEquals(ids, ids.stream().sorted(java.util.Comparator.reverseOrder()).toList(), "newest first");

        JsonPath failures = events(admin, Map.of("type", "login.failed", "userId", String.valueOf(user.id())));
        assertEquals(5, failures.getList("items").size());
        assertTrue(failures.getList("items.type").stream().allMatch("login.failed"::equals));
        assertTrue(failures.getList("items.subjectId", Long.class).stream().allMatch(s -> s == user.id()));
        JsonPath one = events(admin, Map.of("type", "login.failed", "limit", "1"));
        assertNotNull(one.getString("items[0].at"));
        assertNotNull(one.getString("items[0].client"));
    }

    @Test
    void onlyAdminsReadEventsAndBadParametersAre400() {
        given().get("/audit-events").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", Api.account("reader").bearer()).get("/audit-events").then().statusCode(403);
        given().header("Authorization", Api.account("editor").bearer()).get("/audit-events").then().statusCode(403);
        Account admin = Api.admin();
        for (Map<String, String> bad : List.of(Map.of("type", "nonsense"), Map.of("userId", "x"),
                Map.of("userId", "0"), Map.of("limit", "0"), Map.of("limit", "101"), Map.of("cursor", "garbage"))) {
            given().header("Authorization", admin.bearer()).queryParams(bad).get("/audit-events").then()
                    .statusCode(400).contentType("application/problem+json");
        }
    }

    @Test
    void eventsOlderThanTheRetentionArePurged() throws Throwable {
        TestDatabase.execute("INSERT INTO audit_events (at, type) VALUES (UTC_TIMESTAMP() - INTERVAL 91 DAY, 'logout')");
        long old = TestDatabase.number("SELECT MAX(id) FROM audit_events");
        TestDatabase.execute("INSERT INTO audit_events (at, type) VALUES (UTC_TIMESTAMP() - INTERVAL 89 DAY, 'logout')");
        long kept = TestDatabase.number("SELECT MAX(id) FROM audit_events");
        long purged = VertxContextSupport.subscribeAndAwait(() -> audit.purgeExpired());
        assertTrue(purged >= 1);
        assertEquals(0, TestDatabase.number("SELECT COUNT(*) FROM audit_events WHERE id = " + old));
        assertEquals(1, TestDatabase.number("SELECT COUNT(*) FROM audit_events WHERE id = " + kept));
    }

    @Test
    void eachTypeHasAPrometheusCounter() {
        double before = Metrics.auditEvents("login.failed");
        Api.login(Api.uniqueName("nobody"), "wrong password").statusCode(401);
        assertEquals(before + 1, Metrics.auditEvents("login.failed"));
        double signUps = Metrics.auditEvents("user.signed-up");
        Api.signUp(Api.uniqueName("counted"), Api.PASSWORD);
        assertEquals(signUps + 1, Metrics.auditEvents("user.signed-up"));
    }

    @Test
    void theOpenApiDocumentDescribesTheEndpoint() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/audit-events'.get.summary", notNullValue())
                .body("paths.'/audit-events'.get.responses.'200'.content.'application/json'.schema", notNullValue())
                .body("paths.'/audit-events'.get.responses.'400'.content.'application/problem+json'.schema",
                        notNullValue())
                .body("paths.'/audit-events'.get.responses.'403'", notNullValue())
                .body("paths.'/audit-events'.get.parameters.name", org.hamcrest.Matchers.hasItems("type", "userId",
                        "limit", "cursor"))
                .body("components.schemas.AuditEvent.properties.type.description",
                        org.hamcrest.Matchers.containsString("key.rotated"));
    }

    private static JsonPath events(Account admin, Map<String, String> query) {
        return given().header("Authorization", admin.bearer()).queryParams(query).get("/audit-events").then()
                .statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
    }

    private static JsonPath newest(Account admin, long userId) {
        return events(admin, Map.of("userId", String.valueOf(userId), "limit", "1"));
    }

    private static void assertEvent(Account admin, JsonPath page, String type, Long actorId, long subjectId,
            String requestId) {
        assertEquals(type, page.getString("items[0].type"));
        if (actorId == null) {
            assertNull(page.get("items[0].actorId"), type + " actor");
        } else {
            assertEquals(actorId.longValue(), page.getLong("items[0].actorId"), type + " actor");
        }
        assertEquals(subjectId, page.getLong("items[0].subjectId"), type + " subject");
        assertEquals(requestId, page.getString("items[0].requestId"));
        assertNotNull(page.getString("items[0].client"));
        assertNotNull(page.getString("items[0].at"));
    }

    private static io.restassured.response.ValidatableResponse refresh(String refreshToken) {
        return given().contentType(ContentType.JSON).body(Map.of("refresh_token", refreshToken)).post("/refresh").then();
    }
}
