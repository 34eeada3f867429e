package org.videoclub.auth.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.videoclub.auth.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * The conventions auth and catalog share (SPEC section 8), tested the same way in both (this class has a twin in the
 * other service, which differs only in what it lists and changes): limit and cursor, the 400 body naming the parameter, If-Match,
 * request ids.
 */
@QuarkusTest
class SharedConventionsTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void aBadLimitOrCursorIsA400NamingTheParameter() {
        for (String limit : new String[] { "0", "101", "-1", "abc", "1.5" }) {
            lister().queryParam("limit", limit).get(LIST).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("detail", equalTo("The request is malformed."))
                    .body("errors[0].field", equalTo("limit"))
                    .body("errors[0].message", equalTo("must be a whole number from 1 to 100"));
        }
        for (String cursor : new String[] { "garbage", "!!!", base64("after:-1"), base64("id:5") }) {
            lister().queryParam("cursor", cursor).get(LIST).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("cursor"))
                    .body("errors[0].message", equalTo("is not a cursor of this list; use the 'next' value of a previous page"));
        }
        lister().queryParam("limit", " ").queryParam("cursor", "").get(LIST).then().statusCode(200);
    }

    @Test
    void theCursorIsTheLastIdOfThePage() {
        addTwo();
        String next = lister().queryParam("limit", 1).get(LIST).then().statusCode(200).extract().path("next");
        assertNotNull(next, "the list has more than one entry");
        String decoded = new String(Base64.getUrlDecoder().decode(next), StandardCharsets.US_ASCII);
        long lastId = lister().queryParam("limit", 1).get(LIST).then().extract().jsonPath().getLong("items[0].id");
        assertEquals("after:" + lastId, decoded);
    }

    @Test
    void ifMatchTakesOneEtagWeakOrStrongOrStar() {
        Changeable one = changeable();
        one.change().get().header("If-Match", "garbage").body(one.patch().get()).patch(one.path()).then().statusCode(412);
        one.change().get().header("If-Match", "\"0\", \"1\"").body(one.patch().get()).patch(one.path()).then().statusCode(412);
        one.change().get().header("If-Match", "\"" + (one.version() + 1) + "\"").body(one.patch().get()).patch(one.path()).then()
                .statusCode(412).contentType("application/problem+json");
        String etag = one.change().get().header("If-Match", "W/\"" + one.version() + "\"").body(one.patch().get()).patch(one.path())
                .then().statusCode(200).extract().header("ETag");
        one.change().get().header("If-Match", etag).body(one.patch().get()).patch(one.path()).then().statusCode(200);
        one.change().get().header("If-Match", "*").body(one.patch().get()).patch(one.path()).then().statusCode(200);
        one.change().get().body(one.patch().get()).patch(one.path()).then().statusCode(200);
    }

    @Test
    void requestIdsAreEchoedWhenSaneAndMadeOtherwise() {
        for (String sane : new String[] { "abc-123", "a:b.c_d-1", "x".repeat(100) }) {
            lister().header("X-Request-Id", sane).get(LIST).then().header("X-Request-Id", sane);
        }
        for (String insane : new String[] { "x".repeat(101), "bad id", "évil", "a/b" }) {
            lister().header("X-Request-Id", insane).get(LIST).then().header("X-Request-Id", matchesPattern(UUID));
        }
        lister().get(LIST).then().header("X-Request-Id", matchesPattern(UUID));
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** Something a test may change with PATCH and If-Match; its version is its ETag. */
    private record Changeable(String path, int version, Supplier<RequestSpecification> change, Supplier<Map<String, ?>> patch) {
    }

    private static final String LIST = "/users";

    private static RequestSpecification lister() {
        return UserResourceTest.as(Api.admin());
    }

    /** A new reader's own account: a username change needs no current password. */
    private static Changeable changeable() {
        Api.Account reader = Api.account("reader");
        String path = "/users/" + reader.id();
        int version = Integer.parseInt(UserResourceTest.as(reader).get(path).then().statusCode(200).extract().header("ETag")
                .replace("\"", ""));
        return new Changeable(path, version, () -> UserResourceTest.as(reader).contentType("application/json"),
                () -> Map.of("username", Api.uniqueName("renamed")));
    }

    private static void addTwo() {
        Api.account("reader");
        Api.account("reader");
    }
}
