package org.videoclub.auth.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.videoclub.auth.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class SessionResourceTest {

    @Test
    void signUpLogInCheckSession() {
        String name = Api.uniqueName("reader");
        long id = Api.signUp(name, Api.PASSWORD);
        String token = Api.login(name, Api.PASSWORD).statusCode(200)
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(900))
                .body("refresh_token", notNullValue())
                .body("username", equalTo(name))
                .body("role", equalTo("reader"))
                .extract().path("access_token");
        given().header("Authorization", "Bearer " + token).get("/session").then().statusCode(200)
                .body("sub", equalTo(String.valueOf(id)))
                .body("username", equalTo(name))
                .body("role", equalTo("reader"));
        given().header("Authorization", "Bearer " + token).post("/logout").then().statusCode(204);
        given().header("Authorization", "Bearer " + token).get("/session").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        given().contentType(ContentType.JSON).body(Map.of("username", name, "password", "wrong password"))
                .post("/login").then().statusCode(401).contentType("application/problem+json");
    }
}
