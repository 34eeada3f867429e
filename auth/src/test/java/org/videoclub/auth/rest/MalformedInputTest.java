package org.videoclub.auth.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.videoclub.auth.Api;
import org.videoclub.auth.Api.Account;
import org.videoclub.auth.TestDatabase;
import org.videoclub.testing.RawHttp;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Bad requests of every kind: each a clear problem+json 4xx, and none changes the database. */
@QuarkusTest
class MalformedInputTest {

    private static final String JSON = "application/json";

    @Test
    void brokenJsonBodies() {
        assertProblem(post("/users", "{"), 400).body("detail", containsString("JSON"));
        assertProblem(post("/users", "{\"username\": \"abc\", }"), 400);
        assertProblem(post("/users", "not json at all"), 400);
        assertProblem(post("/users", "[]"), 400);
        assertProblem(post("/users", "\"a string\""), 400);
        assertProblem(post("/users", "null"), 400);
        assertProblem(post("/users", ""), 400);
        assertProblem(post("/login", "{\"username\": \"admin\", \"password\": "), 400);
        assertProblem(post("/refresh", "{{}"), 400);
    }

    @Test
    void fieldsOfTheWrongType() {
        assertProblem(post("/users", "{\"username\": 12345, \"password\": \"password123\"}"), 400)
                .body("errors.field", hasItem("username"));
        assertProblem(post("/users", "{\"username\": {\"a\": 1}, \"password\": \"password123\"}"), 400)
                .body("errors.field", hasItem("username"));
        assertProblem(post("/users", "{\"username\": \"typed\", \"password\": [\"password123\"]}"), 400)
                .body("errors.field", hasItem("password"));
        assertProblem(post("/users", "{\"username\": \"typed\", \"password\": true}"), 400);
        assertProblem(post("/users", "{\"username\": \"typed\", \"password\": \"password123\", \"role\": \"superuser\"}"), 400)
                .body("errors.field", hasItem("role"));
        assertProblem(post("/users", "{\"username\": \"typed\", \"password\": \"password123\", \"role\": 2}"), 400);
        assertProblem(post("/users", "{\"username\": \"typed\", \"password\": \"password123\", \"admin\": true}"), 400)
                .body("errors.field", hasItem("admin"))
                .body("errors.message", hasItem("is not a known field"));
        assertProblem(post("/login", "{\"username\": [\"admin\"], \"password\": \"x\"}"), 400);
    }

    @Test
    void missingAndOversizedFields() {
        assertProblem(post("/users", "{}"), 422).body("errors.field", hasItem("username"))
                .body("errors.field", hasItem("password"));
        assertProblem(post("/users", "{\"username\": \"" + "a".repeat(10_000) + "\", \"password\": \"password123\"}"), 422)
                .body("errors.field", hasItem("username"));
        assertProblem(post("/users", "{\"username\": \"huge\", \"password\": \"" + "p".repeat(20_000) + "\"}"), 422)
                .body("errors.field", hasItem("password"));
        assertProblem(post("/login", "{\"username\": \"admin\"}"), 422).body("errors.field", hasItem("password"));
        assertProblem(post("/login", "{\"username\": \"" + "a".repeat(5_000) + "\", \"password\": \"x\"}"), 422);
    }

    @Test
    void bodiesOverTheLimit() {
        String big = "{\"username\": \"" + "a".repeat(70 * 1024) + "\", \"password\": \"password123\"}";
        assertProblem(post("/users", big), 413).body("detail", containsString("64 KiB"));
    }

    /** A chunked body announces no length: the limit applies as it is read, with the same answer. */
    @Test
    void chunkedBodiesOverTheLimit() throws Exception {
        String before = TestDatabase.snapshot();
        String big = "{\"username\": \"" + "a".repeat(70 * 1024) + "\", \"password\": \"password123\"}";
        RawHttp.Answer refused = RawHttp.sendChunked(RestAssured.port, "POST", "/users", null, big);
        assertEquals(413, refused.status(), refused::body);
        assertEquals("application/problem+json", refused.headers().get("content-type"));
        assertTrue(refused.body().contains("\"status\":413") && refused.body().contains("64 KiB"), refused.body());
        assertEquals(before, TestDatabase.snapshot());

        String name = Api.uniqueName("chunked");
        RawHttp.Answer created = RawHttp.sendChunked(RestAssured.port, "POST", "/users", null,
                "{\"username\": \"" + name + "\", \"password\": \"" + Api.PASSWORD + "\"}");
        assertEquals(201, created.status(), created::body);
        assertTrue(created.body().contains("\"username\":\"" + name + "\""), created.body());
    }

    @Test
    void wrongMediaTypesAndMethods() {
        String adminToken = Api.admin().bearer();
        String before = TestDatabase.snapshot();
        assertProblem(given().contentType(ContentType.TEXT).body("username=a&password=b").post("/users"), 415);
        assertProblem(given().contentType("application/x-www-form-urlencoded").body("username=a").post("/login"), 415);
        assertProblem(given().contentType(JSON).accept("application/xml").body("{}").post("/login"), 406);
        assertProblem(given().contentType(JSON).body("{}").put("/users"), 405);
        assertProblem(given().delete("/login"), 405);
        assertProblem(given().get("/no/such/path"), 404);
        assertProblem(given().header("Authorization", adminToken).get("/users/not-a-number"), 404);
        assertEquals(before, TestDatabase.snapshot());
    }

    @Test
    void brokenAuthorizationHeaders() {
        Account user = Api.account("reader");
        String path = "/users/" + user.id();
        String before = TestDatabase.snapshot();
        for (String header : new String[] { "Basic dXNlcjpwYXNz", "Bearer", "Bearer ", "Bearer a.b.c",
                "Bearer " + user.accessToken() + "x", "bearer" + user.accessToken(), "Token " + user.accessToken() }) {
            assertProblem(given().header("Authorization", header).contentType(JSON)
                    .body("{\"username\": \"hijacked\"}").patch(path), 401)
                    .header("WWW-Authenticate", containsString("Bearer"));
        }
        // A bad token on sign-up is refused too, rather than ignored.
        assertProblem(given().header("Authorization", "Bearer a.b.c").contentType(JSON)
                .body("{\"username\": \"" + Api.uniqueName("x") + "\", \"password\": \"password123\"}").post("/users"), 401);
        assertEquals(before, TestDatabase.snapshot());
    }

    @Test
    void requestIdsAreEchoedOrMade() {
        given().header("X-Request-Id", "trace-123").get("/sessions/revocations").then()
                .header("X-Request-Id", "trace-123");
        given().get("/sessions/revocations").then().header("X-Request-Id", notNullValue());
        // An id that could forge log lines is replaced.
        given().header("X-Request-Id", "evil id\" injected").get("/sessions/revocations").then()
                .header("X-Request-Id", not(containsString("evil")));
    }

    private static RequestSpecification post(String path, String body) {
        RequestSpecification request = given().contentType(JSON).body(body);
        request.basePath(path);
        return request;
    }

    private static ValidatableResponse assertProblem(RequestSpecification request, int status) {
        String before = TestDatabase.snapshot();
        ValidatableResponse response = request.post().then();
        assertEquals(before, TestDatabase.snapshot(), "a refused request changed the database");
        return check(response, status);
    }

    private static ValidatableResponse assertProblem(io.restassured.response.Response response, int status) {
        return check(response.then(), status);
    }

    private static ValidatableResponse check(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("title", notNullValue())
                .body("detail", notNullValue())
                .body("type", equalTo("about:blank"))
                .body(not(containsString("Exception")))
                .body(not(containsString("<html")));
    }
}
