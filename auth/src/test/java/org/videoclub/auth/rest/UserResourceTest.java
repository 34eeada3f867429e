package org.videoclub.auth.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.videoclub.auth.Api;
import org.videoclub.auth.Api.Account;
import org.videoclub.auth.TestDatabase;
import org.videoclub.testing.RawHttp;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class UserResourceTest {

    @Test
    void signUpCreatesAReaderWithLocationAndETag() {
        String name = Api.uniqueName("new");
        Response response = given().contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", Api.PASSWORD)).post("/users");
        response.then().statusCode(201)
                .contentType(ContentType.JSON)
                .header("Location", endsWith("/users/" + response.path("id")))
                .header("ETag", "\"0\"")
                .body("username", equalTo(name))
                .body("role", equalTo("reader"))
                .body("createdAt", notNullValue())
                .body("updatedAt", notNullValue())
                .body("$", not(org.hamcrest.Matchers.hasKey("passwordHash")))
                .body("$", not(org.hamcrest.Matchers.hasKey("password")));
        assertEquals(1, TestDatabase.number("SELECT COUNT(*) FROM users WHERE username = '" + name + "' AND role = 'reader'"
                + " AND password_hash LIKE '$2%'"));
    }

    /** Sign-ups whose clients hang up at once are still made: the REST layer does not cancel them half-way. */
    @Test
    void signUpsWhoseClientsHangUpAreStillMade() throws Exception {
        String prefix = Api.uniqueName("gone");
        int clients = 10;
        for (int i = 0; i < clients; i++) {
            RawHttp.sendAndHangUp(RestAssured.port, "POST", "/users", null,
                    "{\"username\":\"" + prefix + "-" + i + "\",\"password\":\"" + Api.PASSWORD + "\"}");
        }
        await().forever().pollInterval(Duration.ofMillis(200)).until(() -> TestDatabase.number(
                "SELECT COUNT(*) FROM users WHERE username LIKE '" + prefix + "-%'") == clients);
    }

    @Test
    void onlyAnAdminChoosesTheRoleOfANewUser() {
        Map<String, String> editor = Map.of("username", Api.uniqueName("ed"), "password", Api.PASSWORD, "role", "editor");
        given().contentType(ContentType.JSON).body(editor).post("/users").then().statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", Api.account("reader").bearer()).contentType(ContentType.JSON).body(editor)
                .post("/users").then().statusCode(403);
        given().header("Authorization", Api.account("editor").bearer()).contentType(ContentType.JSON).body(editor)
                .post("/users").then().statusCode(403);
        given().header("Authorization", Api.admin().bearer()).contentType(ContentType.JSON).body(editor)
                .post("/users").then().statusCode(201).body("role", equalTo("editor"));
        // Asking for reader explicitly is fine for anyone.
        given().contentType(ContentType.JSON)
                .body(Map.of("username", Api.uniqueName("rd"), "password", Api.PASSWORD, "role", "reader"))
                .post("/users").then().statusCode(201).body("role", equalTo("reader"));
    }

    @Test
    void usernamesAreUniqueWithoutRegardToCase() {
        String name = Api.uniqueName("Case");
        Api.signUp(name, Api.PASSWORD);
        long before = TestDatabase.count("users");
        given().contentType(ContentType.JSON).body(Map.of("username", name.toUpperCase(), "password", Api.PASSWORD))
                .post("/users").then().statusCode(409).contentType("application/problem+json")
                .body("status", equalTo(409)).body("title", equalTo("Conflict"));
        assertEquals(before, TestDatabase.count("users"));
        // Logging in with another case finds the same account.
        Api.login(name.toLowerCase(), Api.PASSWORD).statusCode(200).body("username", equalTo(name));
    }

    @Test
    void usernameAndPasswordRules() {
        String okName = Api.uniqueName("rules");
        assertInvalid(Map.of("username", "ab", "password", Api.PASSWORD), "username");
        assertInvalid(Map.of("username", "a".repeat(51), "password", Api.PASSWORD), "username");
        assertInvalid(Map.of("username", "has space", "password", Api.PASSWORD), "username");
        assertInvalid(Map.of("username", "émile", "password", Api.PASSWORD), "username");
        assertInvalid(Map.of("username", okName, "password", "seven77"), "password");
        // 37 two-byte characters are 74 bytes: over bcrypt's 72, refused rather than truncated.
        assertInvalid(Map.of("username", okName, "password", "é".repeat(37)), "password");
        assertInvalid(Map.of("username", okName), "password");
        assertInvalid(Map.of("password", Api.PASSWORD), "username");
        // Exactly 72 bytes, and 8 bytes, are accepted; no composition rules.
        given().contentType(ContentType.JSON).body(Map.of("username", okName, "password", "é".repeat(36)))
                .post("/users").then().statusCode(201);
        Api.login(okName, "é".repeat(36)).statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("username", okName + "x", "password", "aaaaaaaa"))
                .post("/users").then().statusCode(201);
    }

    private static void assertInvalid(Map<String, String> body, String field) {
        String before = TestDatabase.snapshot();
        given().contentType(ContentType.JSON).body(body).post("/users").then().statusCode(422)
                .contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("errors.field", hasItem(field))
                .body("instance", equalTo("/users"));
        assertEquals(before, TestDatabase.snapshot());
    }

    /** Every role, and another user, against every /users endpoint. */
    @Test
    void roleMatrix() {
        Account target = Api.account("reader");
        Account other = Api.account("reader");
        Account editor = Api.account("editor");
        Account admin = Api.admin();
        String path = "/users/" + target.id();

        given().get("/users").then().statusCode(401).header("WWW-Authenticate", "Bearer");
        as(other).get("/users").then().statusCode(403).contentType("application/problem+json");
        as(editor).get("/users").then().statusCode(403);
        as(target).get("/users").then().statusCode(403);
        as(admin).get("/users").then().statusCode(200).body("items", notNullValue());

        given().get("/users/me").then().statusCode(401);
        for (Account account : List.of(target, other, editor, admin)) {
            as(account).get("/users/me").then().statusCode(200).body("id", equalTo((int) account.id()))
                    .body("username", equalTo(account.username()));
        }

        given().get(path).then().statusCode(401);
        as(other).get(path).then().statusCode(403);
        as(editor).get(path).then().statusCode(403);
        as(target).get(path).then().statusCode(200).header("ETag", notNullValue());
        as(admin).get(path).then().statusCode(200).body("username", equalTo(target.username()));
        as(admin).get("/users/999999999").then().statusCode(404).contentType("application/problem+json");

        Map<String, String> rename = Map.of("username", Api.uniqueName("renamed"));
        given().contentType(ContentType.JSON).body(rename).patch(path).then().statusCode(401);
        as(other).contentType(ContentType.JSON).body(rename).patch(path).then().statusCode(403);
        as(editor).contentType(ContentType.JSON).body(rename).patch(path).then().statusCode(403);
        as(target).contentType(ContentType.JSON).body(rename).patch(path).then().statusCode(200)
                .body("username", equalTo(rename.get("username")));
        Map<String, String> renameAgain = Map.of("username", Api.uniqueName("byadmin"));
        as(admin).contentType(ContentType.JSON).body(renameAgain).patch(path).then().statusCode(200)
                .body("username", equalTo(renameAgain.get("username")));

        given().delete(path).then().statusCode(401);
        as(other).delete(path).then().statusCode(403);
        as(editor).delete(path).then().statusCode(403);
        assertEquals(1, TestDatabase.number("SELECT COUNT(*) FROM users WHERE id = " + target.id()));
        as(target).delete(path).then().statusCode(204);
        assertEquals(0, TestDatabase.number("SELECT COUNT(*) FROM users WHERE id = " + target.id()));

        Account victim = Api.account("editor");
        as(admin).delete("/users/" + victim.id()).then().statusCode(204);
        as(admin).get("/users/" + victim.id()).then().statusCode(404);
        as(admin).delete("/users/" + victim.id()).then().statusCode(404);
    }

    @Test
    void deletingAnAccountEndsItsSessions() {
        Account user = Api.account("reader");
        as(user).delete("/users/" + user.id()).then().statusCode(204);
        as(user).get("/session").then().statusCode(401).header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        Api.login(user.username(), Api.PASSWORD).statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("refresh_token", user.refreshToken())).post("/refresh")
                .then().statusCode(401);
        String sid = as(Api.admin()).get("/session").path("sid");
        assertTrue(sid != null);
        assertEquals(0, TestDatabase.number("SELECT COUNT(*) FROM sessions WHERE user_id = " + user.id()));
        assertEquals(1, TestDatabase.number("SELECT COUNT(*) FROM revocations r WHERE r.expires_at > UTC_TIMESTAMP()"
                + " AND r.session_id = '" + sidOf(user) + "'"));
    }

    @Test
    void changingTheOwnPasswordNeedsTheCurrentOneAndEndsEverySession() {
        Account user = Api.account("reader");
        Account secondDevice = Api.signIn(user.id(), user.username(), Api.PASSWORD);
        String path = "/users/" + user.id();
        String before = TestDatabase.snapshot();
        as(user).contentType(ContentType.JSON).body(Map.of("password", "a new password")).patch(path).then()
                .statusCode(422).body("errors.field", hasItem("currentPassword"));
        as(user).contentType(ContentType.JSON)
                .body(Map.of("password", "a new password", "currentPassword", "not the password")).patch(path).then()
                .statusCode(422).body("errors.field", hasItem("currentPassword"));
        // The wrong current password counts against the account's throttle, and changes nothing else.
        String throttle = " FROM login_throttle WHERE username_key = '" + user.username().toLowerCase() + "'";
        assertEquals(1, TestDatabase.number("SELECT failures" + throttle));
        TestDatabase.execute("DELETE" + throttle);
        assertEquals(before, TestDatabase.snapshot());

        as(user).contentType(ContentType.JSON)
                .body(Map.of("password", "a new password", "currentPassword", Api.PASSWORD)).patch(path).then()
                .statusCode(200);
        as(user).get("/session").then().statusCode(401);
        as(secondDevice).get("/session").then().statusCode(401);
        Api.login(user.username(), Api.PASSWORD).statusCode(401);
        Api.login(user.username(), "a new password").statusCode(200);
        assertEquals(2, TestDatabase.number("SELECT COUNT(*) FROM revocations r JOIN sessions s ON s.id = r.session_id"
                + " WHERE s.user_id = " + user.id()));
    }

    @Test
    void anAdminResetsAPasswordWithoutTheCurrentOne() {
        Account user = Api.account("reader");
        as(Api.admin()).contentType(ContentType.JSON).body(Map.of("password", "reset by admin"))
                .patch("/users/" + user.id()).then().statusCode(200);
        as(user).get("/session").then().statusCode(401);
        Api.login(user.username(), "reset by admin").statusCode(200);
    }

    @Test
    void onlyAnAdminChangesRolesAndAChangeEndsTheSessions() {
        Account user = Api.account("reader");
        String path = "/users/" + user.id();
        as(user).contentType(ContentType.JSON).body(Map.of("role", "admin")).patch(path).then().statusCode(403);
        as(Api.account("editor")).contentType(ContentType.JSON).body(Map.of("role", "editor")).patch(path).then()
                .statusCode(403);
        as(user).get("/session").then().statusCode(200).body("role", equalTo("reader"));
        as(Api.admin()).contentType(ContentType.JSON).body(Map.of("role", "editor")).patch(path).then()
                .statusCode(200).body("role", equalTo("editor"));
        as(user).get("/session").then().statusCode(401);
        Api.login(user.username(), Api.PASSWORD).statusCode(200).body("role", equalTo("editor"));
    }

    @Test
    void renamingToATakenNameIsAConflict() {
        Account user = Api.account("reader");
        Account other = Api.account("reader");
        as(user).contentType(ContentType.JSON).body(Map.of("username", other.username().toUpperCase()))
                .patch("/users/" + user.id()).then().statusCode(409).contentType("application/problem+json");
        // Changing only the case of one's own name is allowed.
        as(user).contentType(ContentType.JSON).body(Map.of("username", user.username().toUpperCase()))
                .patch("/users/" + user.id()).then().statusCode(200);
    }

    @Test
    void ifMatchGuardsChangesAndDeletes() {
        Account user = Api.account("reader");
        String path = "/users/" + user.id();
        String etag = as(user).get(path).header("ETag");
        as(user).header("If-Match", "\"41\"").contentType(ContentType.JSON)
                .body(Map.of("username", Api.uniqueName("x"))).patch(path).then().statusCode(412)
                .contentType("application/problem+json");
        String newEtag = as(user).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("username", Api.uniqueName("y"))).patch(path).then().statusCode(200)
                .extract().header("ETag");
        assertTrue(!newEtag.equals(etag), "the version moves on with each change");
        as(user).header("If-Match", etag).delete(path).then().statusCode(412);
        as(user).header("If-Match", "garbage").delete(path).then().statusCode(412);
        as(user).header("If-Match", newEtag).delete(path).then().statusCode(204);
    }

    @Test
    void theLastAdminStays() {
        TestDatabase.execute("UPDATE users SET role = 'reader' WHERE role = 'admin' AND username <> 'admin'");
        Account admin = Api.admin();
        as(admin).contentType(ContentType.JSON).body(Map.of("role", "reader")).patch("/users/" + admin.id()).then()
                .statusCode(409).body("detail", containsString("last admin"));
        as(admin).delete("/users/" + admin.id()).then().statusCode(409);
        as(admin).get("/session").then().statusCode(200).body("role", equalTo("admin"));
    }

    @Test
    void listIsKeysetPaginatedWithoutGapsOrDuplicates() {
        for (int i = 0; i < 12; i++) {
            Api.signUp(Api.uniqueName("page"), Api.PASSWORD);
        }
        Account admin = Api.admin();
        long total = TestDatabase.count("users");
        List<Integer> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            RequestSpecification request = as(admin).queryParam("limit", 5);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/users");
            page.then().statusCode(200);
            List<Integer> ids = page.path("items.id");
            assertTrue(ids.size() <= 5);
            seen.addAll(ids);
            cursor = page.path("next");
            if (cursor != null) {
                page.then().header("Link", containsString("rel=\"next\"")).header("Link", containsString("cursor="));
            } else {
                page.then().header("Link", nullValue());
            }
            pages++;
        } while (cursor != null && pages < 1000);
        assertEquals(total, seen.size());
        assertEquals(seen.size(), new HashSet<>(seen).size());
        List<Integer> sorted = new ArrayList<>(seen);
        sorted.sort(null);
        assertEquals(sorted, seen);

        as(admin).get("/users").then().statusCode(200).body("items.size()", equalTo((int) Math.min(20, total)));
        for (String limit : new String[] { "0", "101", "-1", "abc", "1.5" }) {
            as(admin).queryParam("limit", limit).get("/users").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
        }
        for (String cursorValue : new String[] { "garbage", "!!!", "aWQ6LTE" }) {
            as(admin).queryParam("cursor", cursorValue).get("/users").then().statusCode(400)
                    .body("errors[0].field", equalTo("cursor"));
        }
    }

    static RequestSpecification as(Account account) {
        return given().header("Authorization", account.bearer());
    }

    private static String sidOf(Account account) {
        return new io.restassured.path.json.JsonPath(org.videoclub.auth.ForgedTokens.payload(account.accessToken()))
                .getString("sid");
    }
}
