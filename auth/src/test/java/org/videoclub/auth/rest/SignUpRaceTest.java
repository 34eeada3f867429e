package org.videoclub.auth.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.videoclub.auth.Api;
import org.videoclub.auth.Api.Account;
import org.videoclub.auth.Metrics;
import org.videoclub.auth.TestDatabase;
import org.videoclub.testing.Concurrently;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Unique names under parallel requests: one account, every other answer a 409, never a 500. */
@QuarkusTest
class SignUpRaceTest {

    @BeforeEach
    void warmUp() throws Exception {
        Api.warmUpThePool();
    }

    @Test
    void parallelSignUpsOfOneNewNameMakeOneAccount() throws Exception {
        for (int round = 0; round < 6; round++) {
            String name = Api.uniqueName("twin");
            // The same name in other letter case is the same name.
            List<Response> answers = Concurrently.run(64, i -> () -> given().contentType(ContentType.JSON)
                    .body(Map.of("username", i % 2 == 0 ? name : name.toUpperCase(), "password", Api.PASSWORD))
                    .post("/users"));
            assertEquals(1, answers.stream().filter(a -> a.statusCode() == 201).count(),
                    LoginThrottleTest.statuses(answers));
            answers.stream().filter(a -> a.statusCode() != 201).forEach(a -> {
                assertEquals(409, a.statusCode(), a.asString());
                assertEquals("application/problem+json", a.contentType());
            });
            assertEquals(1, TestDatabase.number("SELECT COUNT(*) FROM users WHERE username_canonical = '"
                    + name.toLowerCase() + "'"));
        }
    }

    @Test
    void parallelRenamesToOneNameLeaveOneOwner() throws Exception {
        List<Account> users = List.of(Api.account("reader"), Api.account("reader"), Api.account("reader"),
                Api.account("reader"));
        String name = Api.uniqueName("wanted");
        List<Response> answers = Concurrently.run(64, i -> () -> given()
                .header("Authorization", users.get(i % users.size()).bearer()).contentType(ContentType.JSON)
                .body(Map.of("username", name)).patch("/users/" + users.get(i % users.size()).id()));
        answers.forEach(a -> assertEquals(true, a.statusCode() == 200 || a.statusCode() == 409, a.asString()));
        assertEquals(1, TestDatabase.number("SELECT COUNT(*) FROM users WHERE username_canonical = '"
                + name.toLowerCase() + "'"));
    }

    /** Sign-ups for a taken name are refused before any password is hashed. */
    @Test
    void signUpsForATakenNameHashNothing() throws Exception {
        String name = Api.uniqueName("taken");
        Api.signUp(name, Api.PASSWORD);
        double hashesBefore = Metrics.bcryptHashes();
        List<Integer> statuses = Concurrently.run(100, i -> () -> given().contentType(ContentType.JSON)
                .body(Map.of("username", i % 2 == 0 ? name : name.toUpperCase(), "password", Api.PASSWORD))
                .post("/users").statusCode());
        statuses.forEach(status -> assertEquals(409, status));
        assertEquals(0, Metrics.bcryptHashes() - hashesBefore);
    }
}
