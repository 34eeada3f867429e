package org.videoclub.auth;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Calls the running auth service the way a client would. */
public final class Api {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin-secret-1";
    public static final String PASSWORD = "correct horse battery";

    /** A signed-in user: its id, name, tokens. */
    public record Account(long id, String username, String accessToken, String refreshToken) {
        public String bearer() {
            return "Bearer " + accessToken;
        }
    }

    private Api() {
    }

    /**
     * Opens the database pool's connections before a burst of a test: a cold pool sets its connections up while the
     * burst waits for them, which on a busy machine can outlast the pool's wait limit.
     */
    public static void warmUpThePool() throws Exception {
        org.videoclub.testing.Concurrently.run(32, () -> given().get("/q/health/ready").statusCode());
    }

    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static long signUp(String username, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .post("/users").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static ValidatableResponse login(String username, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .post("/login").then();
    }

    /** A new user with the given role (made by the admin), signed in. */
    public static Account account(String role) {
        String username = uniqueName(role);
        long id;
        if (role.equals("reader")) {
            id = signUp(username, PASSWORD);
        } else {
            id = given().header("Authorization", admin().bearer()).contentType(ContentType.JSON)
                    .body(Map.of("username", username, "password", PASSWORD, "role", role))
                    .post("/users").then().statusCode(201).extract().jsonPath().getLong("id");
        }
        return signIn(id, username, PASSWORD);
    }

    public static Account admin() {
        var body = login(ADMIN, ADMIN_PASSWORD).statusCode(200).extract().jsonPath();
        return new Account(userIdOf(body.getString("access_token")), ADMIN, body.getString("access_token"),
                body.getString("refresh_token"));
    }

    public static Account signIn(long id, String username, String password) {
        var body = login(username, password).statusCode(200).extract().jsonPath();
        return new Account(id, username, body.getString("access_token"), body.getString("refresh_token"));
    }

    private static long userIdOf(String accessToken) {
        return given().header("Authorization", "Bearer " + accessToken).get("/session").then().statusCode(200)
                .extract().jsonPath().getLong("sub");
    }
}
