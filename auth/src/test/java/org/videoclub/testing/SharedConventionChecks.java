package org.videoclub.testing;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The conventions auth and catalog share (SPEC sections 6 and 8), tested the same way in both: limit and cursor, the
 * 400 body naming the parameter or field, If-Match, request ids, and the problem answers to a body, a path, a method
 * or a token that does not fit. Each service's {@code SharedConventionsTest} ({@code @QuarkusTest})
 * extends this and says what it lists and what it changes.
 */
public abstract class SharedConventionChecks {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    public void aBadLimitOrCursorIsA400NamingTheParameter() {
        for (String limit : new String[] { "0", "101", "-1", "abc", "1.5" }) {
            lister().queryParam("limit", limit).get(listPath()).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("detail", equalTo("The request is malformed."))
                    .body("errors[0].field", equalTo("limit"))
                    .body("errors[0].message", equalTo("must be a whole number from 1 to 100"));
        }
        for (String cursor : new String[] { "garbage", "!!!", base64("after:-1"), base64("id:5") }) {
            lister().queryParam("cursor", cursor).get(listPath()).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("cursor"))
                    .body("errors[0].message",
                            equalTo("is not a cursor of this list; use the 'next' value of a previous page"));
        }
        lister().queryParam("limit", " ").queryParam("cursor", "").get(listPath()).then().statusCode(200);
    }

    @Test
    public void theCursorIsTheLastIdOfThePage() {
        addTwo();
        String next = lister().queryParam("limit", 1).get(listPath()).then().statusCode(200).extract().path("next");
        assertNotNull(next, "the list has more than one entry");
        String decoded = new String(Base64.getUrlDecoder().decode(next), StandardCharsets.US_ASCII);
        long lastId = lister().queryParam("limit", 1).get(listPath()).then().extract().jsonPath()
                .getLong("items[0].id");
        assertEquals("after:" + lastId, decoded);
    }

    @Test
    public void ifMatchTakesOneEtagWeakOrStrongOrStar() {
        Changeable one = changeable();
        one.patchWith("garbage").then().statusCode(412);
        one.patchWith("\"0\", \"1\"").then().statusCode(412);
        one.patchWith("\"" + (one.version() + 1) + "\"").then().statusCode(412).contentType("application/problem+json");
        String etag = one.patchWith("W/\"" + one.version() + "\"").then().statusCode(200).extract().header("ETag");
        one.patchWith(etag).then().statusCode(200);
        one.patchWith("*").then().statusCode(200);
        one.change().get().body(one.patch().get()).patch(one.path()).then().statusCode(200);
    }

    @Test
    public void requestIdsAreEchoedWhenSaneAndMadeOtherwise() {
        for (String sane : new String[] { "abc-123", "a:b.c_d-1", "x".repeat(100) }) {
            lister().header("X-Request-Id", sane).get(listPath()).then().header("X-Request-Id", sane);
        }
        for (String insane : new String[] { "x".repeat(101), "bad id", "évil", "a/b" }) {
            lister().header("X-Request-Id", insane).get(listPath()).then().header("X-Request-Id", matchesPattern(UUID));
        }
        lister().get(listPath()).then().header("X-Request-Id", matchesPattern(UUID));
    }

    @Test
    public void aBodyThatIsNotTheExpectedJsonIsA400() {
        Changeable one = changeable();
        String field = one.patch().get().keySet().iterator().next();
        one.change().get().contentType("application/json").body("{\"" + field + "\": ").patch(one.path()).then()
                .statusCode(400).contentType("application/problem+json")
                .body("detail", startsWith("The body is not valid JSON: "))
                .body("errors", nullValue());
        for (String notAnObject : new String[] { "", "[]", "\"text\"", "null" }) {
            one.change().get().contentType("application/json").body(notAnObject).patch(one.path()).then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("detail", equalTo("The body is missing or is not the expected JSON object."));
        }
        one.change().get().contentType("application/json").body(Map.of("noSuchField", 1)).patch(one.path()).then()
                .statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("The request is malformed."))
                .body("errors[0].field", equalTo("noSuchField"))
                .body("errors[0].message", equalTo("is not a known field"));
        one.change().get().contentType("application/json").body(Map.of(field, Map.of("a", 1))).patch(one.path())
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("The request is malformed."))
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", equalTo("has the wrong type or value"));
        one.change().get().contentType("application/json").body("{\"" + field + "\": 5}").patch(one.path()).then()
                .statusCode(400).body("errors[0].field", equalTo(field));
        one.patchWith("\"" + one.version() + "\"").then().statusCode(200); // nothing above changed it
    }

    @Test
    public void aBodyOverTheLimitOrOfAnotherTypeIsRefused() {
        Changeable one = changeable();
        one.change().get().contentType("application/json").body("{\"x\": \"" + "x".repeat(70 * 1024) + "\"}")
                .patch(one.path()).then().statusCode(413).contentType("application/problem+json")
                .body("detail", equalTo("The body is over the limit of 64 KiB."));
        one.change().get().contentType("text/plain").body("text").patch(one.path()).then()
                .statusCode(415).contentType("application/problem+json")
                .body("detail", equalTo("Send the body as application/json."));
        one.patchWith("\"" + one.version() + "\"").then().statusCode(200);
    }

    @Test
    public void aPathOrMethodThatDoesNotExistIsAProblem() {
        lister().get("/no/such/path").then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("There is nothing at this path."))
                .body("instance", equalTo("/no/such/path"));
        lister().delete(listPath()).then().statusCode(405).contentType("application/problem+json")
                .body("detail", equalTo("This path does not answer to that method."));
        lister().accept("application/xml").get(listPath()).then().statusCode(406)
                .contentType("application/problem+json")
                .body("detail", equalTo("This resource answers only with application/json."));
    }

    @Test
    public void aMissingOrBadTokenIsA401SayingWhich() {
        Changeable one = changeable();
        RestAssured.given().contentType("application/json").body(one.patch().get()).patch(one.path())
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("detail", equalTo("Sign in: this needs a bearer access token."));
        RestAssured.given().auth().oauth2("not.a.token").contentType("application/json")
                .body(one.patch().get()).patch(one.path())
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .body("detail", equalTo("The access token is not valid: it is malformed, forged, expired or revoked."));
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** Something a test may change with PATCH and If-Match; its version is its ETag. */
    public record Changeable(String path, int version, Supplier<RequestSpecification> change,
            Supplier<Map<String, ?>> patch) {

        Response patchWith(String ifMatch) {
            return change.get().header("If-Match", ifMatch).body(patch.get()).patch(path);
        }
    }

    /** The path of a list with {@code limit} and {@code cursor} whose items have an {@code id}. */
    protected abstract String listPath();

    /** A request allowed to read {@link #listPath()}. */
    protected abstract RequestSpecification lister();

    /** A new thing to change, with its current version. */
    protected abstract Changeable changeable();

    /** Adds two entries to {@link #listPath()}. */
    protected abstract void addTwo();
}
