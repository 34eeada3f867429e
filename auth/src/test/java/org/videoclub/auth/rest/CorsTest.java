package org.videoclub.auth.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.videoclub.auth.Api;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The web UI calls auth from another origin in run-local: auth allows the configured origins (AUTH_CORS_ORIGINS; in
 * the tests http://ui.test:1337) and no other, and never answers '*'.
 */
@QuarkusTest
class CorsTest {

    private static final String UI = "http://ui.test:1337";

    @Test
    void theConfiguredUiOriginMayCallAuth() {
        given().header("Origin", UI).header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization,content-type,if-match")
                .options("/users/1").then().statusCode(200)
                .header("Access-Control-Allow-Origin", UI)
                .header("Access-Control-Allow-Credentials", anyOf(nullValue(), equalTo("false")))
                .header("Access-Control-Allow-Methods", containsString("PATCH"))
                .header("Access-Control-Allow-Headers", containsString("If-Match"));

        String name = Api.uniqueName("cors");
        Api.signUp(name, Api.PASSWORD);
        given().header("Origin", UI).contentType("application/json").body(Map.of("username", name, "password", Api.PASSWORD))
                .post("/login").then().statusCode(200)
                .header("Access-Control-Allow-Origin", UI)
                .header("Access-Control-Expose-Headers", containsString("Retry-After"))
                .body("username", equalTo(name));
    }

    @Test
    void anyOtherOriginIsRefused() {
        given().header("Origin", "http://evil.test").header("Access-Control-Request-Method", "POST")
                .options("/login").then().header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "http://evil.test").contentType("application/json")
                .body(Map.of("username", "nobody", "password", Api.PASSWORD))
                .post("/login").then().statusCode(403).header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void callersWithoutAnOriginAreUnaffected() {
        given().contentType("application/json").body(Map.of("username", "nobody-at-all", "password", Api.PASSWORD))
                .post("/login").then().statusCode(401).header("Access-Control-Allow-Origin", nullValue());
    }
}
