package org.videoclub.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.videoclub.catalog.support.Api.as;
import static org.videoclub.catalog.support.Api.assertProblem;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OperationsTest {

    @Test
    void healthCoversTheDatabaseAndTheRevocationFeed() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("revocation-feed"));
    }

    @Test
    void metricsIncludeTheRevocationState() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("catalog_revocation_sessions"))
                .body(containsString("catalog_revocation_sync_age_seconds"));
    }

    @Test
    void openApiAndSwaggerUiWithTheBearerScheme() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("paths", org.hamcrest.Matchers.hasKey("/inventory/{id}/stock"));
        given().redirects().follow(true).get("/docs").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void unknownPathsAndMethodsAreProblems() {
        assertProblem(as("reader").get("/nothing-here"), 404);
        assertProblem(as("reader").get("/books/not-a-number"), 404);
        assertProblem(as("editor").delete("/books"), 405);
        // a browser asking for HTML gets a problem+json all the same
        assertProblem(as("reader").accept("text/html").get("/books/999999999"), 406);
    }

    @Test
    void requestIdsAreEchoedOrMade() {
        as("reader").header("X-Request-Id", "abc-123").get("/books").then().header("X-Request-Id", "abc-123");
        as("reader").get("/books").then().header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
        as("reader").header("X-Request-Id", "bad id\u0001").get("/books").then().header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void trailingSlashesAnswerWithoutRedirect() {
        given().redirects().follow(false).auth().oauth2(org.videoclub.catalog.support.TestTokens.token("reader"))
                .get("/inventory/").then().statusCode(200).body("items", org.hamcrest.Matchers.notNullValue());
    }
}
