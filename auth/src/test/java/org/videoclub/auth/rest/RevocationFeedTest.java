package org.videoclub.auth.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.videoclub.auth.Api;
import org.videoclub.auth.Api.Account;
import org.videoclub.auth.ForgedTokens;
import org.videoclub.auth.TestDatabase;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class RevocationFeedTest {

    @Test
    void feedListsRevokedSessionsInOrderWithTheirExpiry() {
        long start = given().get("/sessions/revocations").then().statusCode(200).extract().jsonPath().getLong("last");
        Account first = Api.account("reader");
        Account second = Api.account("reader");
        given().header("Authorization", first.bearer()).post("/logout").then().statusCode(204);
        given().header("Authorization", second.bearer()).post("/logout").then().statusCode(204);

        JsonPath feed = given().queryParam("after", start).get("/sessions/revocations").then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> entries = feed.getList("revocations");
        assertEquals(2, entries.size());
        assertEquals(sid(first), entries.get(0).get("sid"));
        assertEquals(sid(second), entries.get(1).get("sid"));
        long firstSeq = ((Number) entries.get(0).get("seq")).longValue();
        long secondSeq = ((Number) entries.get(1).get("seq")).longValue();
        assertTrue(start < firstSeq && firstSeq < secondSeq);
        assertEquals(secondSeq, feed.getLong("last"));
        assertEquals(exp(first), ((Number) entries.get(0).get("exp")).longValue());
        // Only opaque ids and expiry times.
        assertEquals(java.util.Set.of("seq", "sid", "exp"), entries.get(0).keySet());

        // Asking after the last one gives nothing new, and the same 'last'.
        given().queryParam("after", feed.getLong("last")).get("/sessions/revocations").then().statusCode(200)
                .body("revocations", empty()).body("last", equalTo((int) feed.getLong("last")));
    }

    @Test
    void expiredRevocationsAreLeftOutButTheCursorMovesPastThem() {
        long start = given().get("/sessions/revocations").then().extract().jsonPath().getLong("last");
        TestDatabase.execute("INSERT INTO revocations (session_id, expires_at, revoked_at) VALUES"
                + " ('expired-session-000000', UTC_TIMESTAMP() - INTERVAL 1 MINUTE, UTC_TIMESTAMP())");
        JsonPath feed = given().queryParam("after", start).get("/sessions/revocations").then().statusCode(200)
                .extract().jsonPath();
        assertFalse(feed.getList("revocations.sid").contains("expired-session-000000"));
        assertTrue(feed.getLong("last") > start);
    }

    @Test
    void withoutAfterTheFeedStartsAtTheBeginning() {
        Account user = Api.account("reader");
        given().header("Authorization", user.bearer()).post("/logout").then().statusCode(204);
        List<String> sids = given().get("/sessions/revocations").then().statusCode(200).extract().path("revocations.sid");
        assertTrue(sids.contains(sid(user)));
    }

    @Test
    void badAfterIsA400() {
        for (String after : new String[] { "abc", "-1", "1.5", "99999999999999999999999" }) {
            given().queryParam("after", after).get("/sessions/revocations").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("after"));
        }
    }

    private static String sid(Account account) {
        return new JsonPath(ForgedTokens.payload(account.accessToken())).getString("sid");
    }

    private static long exp(Account account) {
        return new JsonPath(ForgedTokens.payload(account.accessToken())).getLong("exp");
    }
}
