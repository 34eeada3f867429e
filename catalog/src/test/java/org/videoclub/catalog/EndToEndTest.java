package org.videoclub.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.videoclub.catalog.support.Api.assertProblem;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.videoclub.catalog.security.Polls;
import org.videoclub.catalog.support.CatalogDatabase;
import org.videoclub.catalog.support.RealAuthServer;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The real auth (its runnable jar, as a child process) and catalog together against the same MariaDB: sign up, log in,
 * read, be refused a write, log out, and be refused by catalog within 2 s.
 */
@QuarkusTest
@TestProfile(EndToEndTest.WithRealAuth.class)
class EndToEndTest {

    public static class WithRealAuth implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(CatalogDatabase.class), new TestResourceEntry(RealAuthServer.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Test
    void signUpLogInReadBeRefusedALogOut() {
        String auth = RealAuthServer.baseUrl();
        String username = "e2e-" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
        Map<String, String> credentials = Map.of("username", username, "password", "correct horse battery staple");

        given().baseUri(auth).contentType("application/json").body(credentials).post("/users").then().statusCode(201);
        String token = given().baseUri(auth).contentType("application/json").body(credentials).post("/login")
                .then().statusCode(200).body("role", equalTo("reader")).extract().jsonPath().getString("access_token");

        given().auth().oauth2(token).get("/books").then().statusCode(200);
        assertProblem(given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("name", "Not allowed")).post("/genres"), 403);

        given().baseUri(auth).auth().oauth2(token).post("/logout").then().statusCode(204);
        Polls.force();
        assertProblem(given().auth().oauth2(token).get("/books"), 401)
                .then().header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    }
}
