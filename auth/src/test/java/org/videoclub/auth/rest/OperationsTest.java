package org.videoclub.auth.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;
import org.videoclub.auth.Api;

import io.quarkus.test.junit.QuarkusTest;

/** Health, metrics and the API description: what operators and the OpenAPI UI rely on. */
@QuarkusTest
class OperationsTest {

    @Test
    void healthChecksTheDatabase() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("MySQL")));
    }

    @Test
    void metricsCountLoginOutcomes() {
        String name = Api.uniqueName("metrics");
        Api.signUp(name, Api.PASSWORD);
        Api.login(name, Api.PASSWORD).statusCode(200);
        Api.login(name, "wrong password").statusCode(401);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("videoclub_auth_logins_total{outcome=\"success\""))
                .body(containsString("videoclub_auth_logins_total{outcome=\"failure\""))
                .body(containsString("http_server_requests_seconds_count"));
    }

    @Test
    void openApiDescribesTheBearerSchemeAndTheErrors() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("components.securitySchemes.bearer.type", equalTo("http"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("paths.'/users/{id}'.patch.security", notNullValue())
                .body("paths.'/users/{id}'.patch.responses.'412'", notNullValue())
                .body("paths.'/login'.post.responses.'429'", notNullValue())
                .body("paths.'/sessions/revocations'.get", notNullValue())
                .body("paths.'/.well-known/jwks.json'.get", notNullValue());
    }

    @Test
    void swaggerUiIsServedAtDocs() {
        given().redirects().follow(true).get("/docs").then().statusCode(200).body(containsString("swagger"));
    }
}
