package org.videoclub.auth.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;
import org.videoclub.auth.Api;
import org.videoclub.auth.Api.Account;
import org.videoclub.auth.ForgedTokens;
import org.videoclub.auth.TestDatabase;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class SessionResourceTest {

    @Test
    void loginLogoutAndSession() {
        String name = Api.uniqueName("reader");
        long id = Api.signUp(name, Api.PASSWORD);
        String token = Api.login(name, Api.PASSWORD).statusCode(200)
                .contentType(ContentType.JSON)
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(900))
                .body("refresh_token", notNullValue())
                .body("username", equalTo(name))
                .body("role", equalTo("reader"))
                .extract().path("access_token");
        JsonPath claims = new JsonPath(ForgedTokens.payload(token));
        given().header("Authorization", "Bearer " + token).get("/session").then().statusCode(200)
                .body("sub", equalTo(String.valueOf(id)))
                .body("username", equalTo(name))
                .body("role", equalTo("reader"))
                .body("sid", equalTo(claims.getString("sid")))
                .body("exp", equalTo(claims.getInt("exp")));
        given().header("Authorization", "Bearer " + token).post("/logout").then().statusCode(204);
        given().header("Authorization", "Bearer " + token).get("/session").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        given().header("Authorization", "Bearer " + token).post("/logout").then().statusCode(401);
        given().post("/logout").then().statusCode(401).header("WWW-Authenticate", "Bearer");
    }

    @Test
    void accessTokenClaims() {
        Account user = Api.account("editor");
        JsonPath header = new JsonPath(ForgedTokens.header(user.accessToken()));
        JsonPath claims = new JsonPath(ForgedTokens.payload(user.accessToken()));
        String kid = given().get("/.well-known/jwks.json").then().statusCode(200).extract().path("keys[0].kid");
        assertEquals("RS256", header.getString("alg"));
        assertEquals(kid, header.getString("kid"));
        assertEquals("videoclub-auth", claims.getString("iss"));
        assertEquals("videoclub", claims.getString("aud").replaceAll("[\\[\\]]", ""));
        assertEquals(String.valueOf(user.id()), claims.getString("sub"));
        assertEquals(user.username(), claims.getString("upn"));
        assertEquals(List.of("editor"), claims.getList("groups"));
        assertEquals(22, claims.getString("sid").length());
        assertTrue(claims.getString("jti").length() >= 16);
        assertEquals(900, claims.getLong("exp") - claims.getLong("iat"));
        long now = System.currentTimeMillis() / 1000;
        assertTrue(Math.abs(claims.getLong("iat") - now) < 60);
        // Refresh tokens: 256 random bits, base64url; only their SHA-256 is stored.
        assertEquals(43, user.refreshToken().length());
        assertEquals(0, TestDatabase.number("SELECT COUNT(*) FROM refresh_tokens WHERE token_hash = '"
                + user.refreshToken() + "'"));
        assertEquals(1, TestDatabase.number("SELECT COUNT(*) FROM refresh_tokens WHERE token_hash = SHA2('"
                + user.refreshToken() + "', 256)"));
    }

    @Test
    void jwksPublishesOnlyThePublicKey() {
        given().get("/.well-known/jwks.json").then().statusCode(200)
                .body("keys.size()", equalTo(1))
                .body("keys[0].kty", equalTo("RSA"))
                .body("keys[0].alg", equalTo("RS256"))
                .body("keys[0].use", equalTo("sig"))
                .body("keys[0].n", notNullValue())
                .body("keys[0].e", equalTo("AQAB"))
                .body("keys[0].d", org.hamcrest.Matchers.nullValue())
                .body("keys[0].p", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void unknownUserAndWrongPasswordAnswerTheSame() {
        String name = Api.uniqueName("known");
        Api.signUp(name, Api.PASSWORD);
        String wrongPassword = Api.login(name, "wrong password!").statusCode(401)
                .contentType("application/problem+json").extract().asString();
        String unknownUser = Api.login(name + "-nobody", "wrong password!").statusCode(401)
                .contentType("application/problem+json").extract().asString();
        assertEquals(wrongPassword, unknownUser);
        assertTrue(wrongPassword.contains("Invalid username or password"));
    }

    @Test
    void refreshRotatesTheToken() {
        Account user = Api.account("reader");
        JsonPath rotated = refresh(user.refreshToken()).statusCode(200)
                .body("token_type", equalTo("Bearer"))
                .body("username", equalTo(user.username()))
                .extract().jsonPath();
        String newRefresh = rotated.getString("refresh_token");
        String newAccess = rotated.getString("access_token");
        assertNotEquals(user.refreshToken(), newRefresh);
        assertEquals(new JsonPath(ForgedTokens.payload(user.accessToken())).getString("sid"),
                new JsonPath(ForgedTokens.payload(newAccess)).getString("sid"), "same session");
        given().header("Authorization", "Bearer " + newAccess).get("/session").then().statusCode(200);
        // The new one rotates again.
        refresh(newRefresh).statusCode(200);
    }

    @Test
    void reusingARotatedRefreshTokenRevokesTheSession() {
        Account user = Api.account("reader");
        JsonPath rotated = refresh(user.refreshToken()).statusCode(200).extract().jsonPath();
        long revocationsBefore = TestDatabase.count("revocations");
        // The old token comes back: someone else may hold it. The whole session ends.
        refresh(user.refreshToken()).statusCode(401).contentType("application/problem+json");
        refresh(rotated.getString("refresh_token")).statusCode(401);
        given().header("Authorization", "Bearer " + rotated.getString("access_token")).get("/session").then()
                .statusCode(401);
        given().header("Authorization", user.bearer()).get("/session").then().statusCode(401);
        assertEquals(revocationsBefore + 1, TestDatabase.count("revocations"));
        // Other sessions of the user are untouched.
        Api.login(user.username(), Api.PASSWORD).statusCode(200);
    }

    @Test
    void refreshRefusals() {
        refresh("not-a-token").statusCode(401).body("detail", containsString("refresh token"));
        refresh("").statusCode(422);
        given().contentType(ContentType.JSON).body("{}").post("/refresh").then().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.hasItem("refresh_token"));
        Account user = Api.account("reader");
        given().header("Authorization", user.bearer()).post("/logout").then().statusCode(204);
        refresh(user.refreshToken()).statusCode(401);
        // An expired session: its refresh deadline has passed.
        Account old = Api.account("reader");
        TestDatabase.execute("UPDATE sessions SET refresh_expires_at = UTC_TIMESTAMP() - INTERVAL 1 SECOND"
                + " WHERE user_id = " + old.id());
        refresh(old.refreshToken()).statusCode(401);
    }

    @Test
    void forgedAndBrokenTokensAreRefused() {
        Account user = Api.account("reader");
        String sid = new JsonPath(ForgedTokens.payload(user.accessToken())).getString("sid");
        // Control: a token the tests sign for a live session is accepted, so the refusals below are about the change.
        assertAccepted(ForgedTokens.signed(ForgedTokens.claims(user.id(), sid, c -> {
        })));
        // Issued 15 minutes before they expired, so that only the expiry check decides: 30 s of clock skew, not
        // smallrye-jwt's default 60.
        assertRefused(ForgedTokens.signed(ForgedTokens.claims(user.id(), sid, c -> expiredSecondsAgo(c, 45))));
        assertAccepted(ForgedTokens.signed(ForgedTokens.claims(user.id(), sid, c -> expiredSecondsAgo(c, 10))));
        assertRefused(ForgedTokens.signed(ForgedTokens.claims(user.id(), sid, c -> c.setIssuer("someone-else"))));
        assertRefused(ForgedTokens.signed(ForgedTokens.claims(user.id(), sid, c -> c.setAudience("other-app"))));
        assertRefused(ForgedTokens.signed(ForgedTokens.claims(user.id(), "no-such-session-00000", c -> {
        })));
        assertRefused(ForgedTokens.unsigned(ForgedTokens.claims(user.id(), sid, c -> {
        })));
        assertRefused(ForgedTokens.hmacWithPublicKey(ForgedTokens.claims(user.id(), sid, c -> {
        })));
        assertRefused(ForgedTokens.tampered(user.accessToken(),
                ForgedTokens.payload(user.accessToken()).replace("\"reader\"", "\"admin\"")));
        assertRefused("not.a.jwt");
        assertRefused("garbage");
        given().header("Authorization", "Basic dXNlcjpwYXNz").get("/session").then().statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", "Bearer").get("/session").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void throttlingAfterFiveFailuresInARow() {
        String name = Api.uniqueName("victim");
        Api.signUp(name, Api.PASSWORD);
        for (int i = 0; i < 5; i++) {
            Api.login(name, "wrong password " + i).statusCode(401);
        }
        assertEquals(5, TestDatabase.number("SELECT failures FROM login_throttle WHERE username_key = '"
                + name.toLowerCase() + "'"));
        // Locked: even the right password gets 429 now, with Retry-After.
        String retryAfter = Api.login(name, Api.PASSWORD).statusCode(429)
                .contentType("application/problem+json").extract().header("Retry-After");
        assertTrue(Integer.parseInt(retryAfter) >= 1, retryAfter);
        // Another case of the same username shares the counter.
        Api.login(name.toUpperCase(), Api.PASSWORD).statusCode(429);
        // Unknown usernames are throttled alike, so throttling tells nothing about which names exist.
        String nobody = Api.uniqueName("nobody");
        for (int i = 0; i < 5; i++) {
            Api.login(nobody, "wrong password").statusCode(401);
        }
        Api.login(nobody, "wrong password").statusCode(429).header("Retry-After", notNullValue());

        // Once the lock has passed (ended here in the database), the right password works and resets the count.
        TestDatabase.execute("UPDATE login_throttle SET locked_until = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND"
                + " WHERE username_key = '" + name.toLowerCase() + "'");
        Api.login(name, Api.PASSWORD).statusCode(200);
        assertEquals(0, TestDatabase.number("SELECT COUNT(*) FROM login_throttle WHERE username_key = '"
                + name.toLowerCase() + "'"));
    }

    @Test
    void theLockDoublesWithEachFurtherFailureUpToTheMaximum() {
        String name = Api.uniqueName("doubling");
        Api.signUp(name, Api.PASSWORD);
        for (int i = 0; i < 5; i++) {
            Api.login(name, "wrong password").statusCode(401);
        }
        // Pretend the lock has passed, then fail again: the lock doubles (1 min base in tests, 2 min now).
        TestDatabase.execute("UPDATE login_throttle SET locked_until = NULL WHERE username_key = '" + name.toLowerCase() + "'");
        Api.login(name, "wrong password").statusCode(401);
        assertEquals(120, TestDatabase.number("SELECT ROUND(TIMESTAMPDIFF(MICROSECOND, updated_at, locked_until) / 1000000)"
                + " FROM login_throttle WHERE username_key = '" + name.toLowerCase() + "'"));
        // Many more failures: capped at 15 minutes.
        TestDatabase.execute("UPDATE login_throttle SET locked_until = NULL, failures = 40 WHERE username_key = '"
                + name.toLowerCase() + "'");
        Api.login(name, "wrong password").statusCode(401);
        assertEquals(900, TestDatabase.number("SELECT ROUND(TIMESTAMPDIFF(MICROSECOND, updated_at, locked_until) / 1000000)"
                + " FROM login_throttle WHERE username_key = '" + name.toLowerCase() + "'"));
        Api.login(name, Api.PASSWORD).statusCode(429).header("Retry-After", org.hamcrest.Matchers.matchesPattern("9\\d\\d|8\\d\\d"));
    }

    private static io.restassured.response.ValidatableResponse refresh(String refreshToken) {
        return given().contentType(ContentType.JSON).body(Map.of("refresh_token", refreshToken)).post("/refresh").then();
    }

    private static void assertAccepted(String token) {
        given().header("Authorization", "Bearer " + token).get("/session").then().statusCode(200);
    }

    private static void assertRefused(String token) {
        given().header("Authorization", "Bearer " + token).get("/session").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .body("status", equalTo(401));
        given().header("Authorization", "Bearer " + token).get("/users/me").then().statusCode(401);
    }

    private static void expiredSecondsAgo(JwtClaims claims, long seconds) {
        long now = Instant.now().getEpochSecond();
        claims.setIssuedAt(NumericDate.fromSeconds(now - seconds - 900));
        claims.setExpirationTime(NumericDate.fromSeconds(now - seconds));
    }
}
