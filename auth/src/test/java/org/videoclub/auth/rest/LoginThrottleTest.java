package org.videoclub.auth.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/**
 * The throttle holds whatever the concurrency and however the name is spelled: each attempt is counted before its
 * password is checked (bcrypt checks are counted through the metrics, not timed).
 */
@QuarkusTest
class LoginThrottleTest {

    @BeforeEach
    void warmUp() throws Exception {
        Api.warmUpThePool();
    }

    @Test
    void aHundredParallelGuessesCheckAtMostFivePasswords() throws Exception {
        String name = Api.uniqueName("burst");
        Api.signUp(name, Api.PASSWORD);
        double checksBefore = Metrics.bcryptChecks();
        List<Response> answers = Concurrently.run(100, i -> () -> given().contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", "wrong password " + i)).post("/login"));
        assertEquals(5, answers.stream().filter(a -> a.statusCode() == 401).count(), statuses(answers));
        // The others are refused unchecked: 429, or 503 when they met a full bcrypt queue before the lock was set.
        assertEquals(95, answers.stream().filter(a -> a.statusCode() == 429 || a.statusCode() == 503).count(),
                statuses(answers));
        answers.stream().filter(a -> a.statusCode() != 401).forEach(a -> {
            assertTrue(Integer.parseInt(a.header("Retry-After")) >= 1);
            assertEquals("application/problem+json", a.contentType());
        });
        assertEquals(5, Metrics.bcryptChecks() - checksBefore, "bcrypt checks");
        Api.login(name, Api.PASSWORD).statusCode(429);
        assertEquals(5, Metrics.bcryptChecks() - checksBefore, "a locked account's right password is not checked");
    }

    @Test
    void parallelGuessesForAnUnknownNameAreThrottledAlike() throws Exception {
        String name = Api.uniqueName("nobody");
        double checksBefore = Metrics.bcryptChecks();
        List<Response> answers = Concurrently.run(64, i -> () -> given().contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", "wrong password")).post("/login"));
        assertEquals(5, answers.stream().filter(a -> a.statusCode() == 401).count(), statuses(answers));
        assertEquals(59, answers.stream().filter(a -> a.statusCode() == 429 || a.statusCode() == 503).count(),
                statuses(answers));
        assertEquals(5, Metrics.bcryptChecks() - checksBefore);
    }

    /** The spellings of the issue: none of them reaches the locked account or gets a budget of its own. */
    @Test
    void otherSpellingsOfALockedNameNeitherLogInNorGetABudget() {
        String name = "victim9" + Api.uniqueName("").replace("-", "");
        long id = Api.signUp(name, Api.PASSWORD);
        for (int i = 0; i < 5; i++) {
            Api.login(name, "wrong password").statusCode(401);
        }
        Api.login(name, Api.PASSWORD).statusCode(429);
        String suffix = name.substring("victim9".length());
        List<String> otherSpellings = List.of("víctim9", "vîctim9", "VÍCTIM9", "ｖictim9", "vÍctim9",
                "v\u0069\u0301ctim9", "victim\uFF19", "\u00A0victim9", "victim9\u3000", "\u200Bvictim9");
        long throttleRows = TestDatabase.count("login_throttle");
        double checksBefore = Metrics.bcryptChecks();
        for (String spelling : otherSpellings) {
            for (int attempt = 0; attempt < 7; attempt++) {
                // Seven tries with the right password: never logged in, never a budget (always 401, never 429).
                Api.login(spelling + suffix, Api.PASSWORD).statusCode(401)
                        .contentType("application/problem+json");
            }
        }
        assertEquals(throttleRows, TestDatabase.count("login_throttle"), "no counter for another spelling");
        assertEquals(0, Metrics.bcryptChecks() - checksBefore, "a name outside the alphabet is no account to check");
        // Surrounding spaces are trimmed and other letter case is the same name: the same locked account.
        for (String sameName : List.of(" " + name, name + " ", "\t" + name, name.toUpperCase(), "VicTim9" + suffix)) {
            Api.login(sameName, Api.PASSWORD).statusCode(429);
        }
        assertEquals(1, TestDatabase.number("SELECT COUNT(*) FROM login_throttle WHERE username_key = '"
                + name.toLowerCase() + "'"));
        // Nor can such a spelling be signed up beside the account.
        for (String spelling : otherSpellings) {
            given().contentType(ContentType.JSON).body(Map.of("username", spelling + suffix, "password", Api.PASSWORD))
                    .post("/users").then().statusCode(422);
        }
        assertEquals(1, TestDatabase.number("SELECT COUNT(*) FROM users WHERE username_canonical LIKE 'v%" + suffix
                + "' OR id = " + id));
    }

    @Test
    void aWrongCurrentPasswordCountsAgainstTheAccount() {
        Account user = Api.account("reader");
        for (int i = 0; i < 5; i++) {
            changeOwnPassword(user, "wrong current " + i).statusCode(422);
        }
        for (int i = 0; i < 7; i++) {
            changeOwnPassword(user, "wrong current").statusCode(429)
                    .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                    .contentType("application/problem+json");
        }
        // Even the right current password waits, and so does a login: one budget per account.
        changeOwnPassword(user, Api.PASSWORD).statusCode(429);
        Api.login(user.username(), Api.PASSWORD).statusCode(429);
    }

    @Test
    void parallelWrongCurrentPasswordsCheckAtMostFive() throws Exception {
        Account user = Api.account("reader");
        double checksBefore = Metrics.bcryptChecks();
        double hashesBefore = Metrics.bcryptHashes();
        List<Response> answers = Concurrently.run(64, i -> () -> given().header("Authorization", user.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("password", "a new password 1", "currentPassword", "wrong current " + i))
                .patch("/users/" + user.id()));
        assertEquals(5, answers.stream().filter(a -> a.statusCode() == 422).count(), statuses(answers));
        assertEquals(59, answers.stream().filter(a -> a.statusCode() == 429 || a.statusCode() == 503).count(),
                statuses(answers));
        assertEquals(5, Metrics.bcryptChecks() - checksBefore);
        assertEquals(0, Metrics.bcryptHashes() - hashesBefore, "no new password hashed");
    }

    @Test
    void loginsAndCurrentPasswordsShareTheBudget() {
        Account user = Api.account("reader");
        for (int i = 0; i < 3; i++) {
            Api.login(user.username(), "wrong password").statusCode(401);
        }
        changeOwnPassword(user, "wrong current").statusCode(422);
        changeOwnPassword(user, "wrong current").statusCode(422);
        Api.login(user.username(), Api.PASSWORD).statusCode(429);
    }

    @Test
    void theRightCurrentPasswordClearsTheCount() {
        Account user = Api.account("reader");
        for (int i = 0; i < 4; i++) {
            Api.login(user.username(), "wrong password").statusCode(401);
        }
        changeOwnPassword(user, Api.PASSWORD).statusCode(200);
        assertEquals(0, TestDatabase.number("SELECT COUNT(*) FROM login_throttle WHERE username_key = '"
                + user.username().toLowerCase() + "'"));
    }

    private static io.restassured.response.ValidatableResponse changeOwnPassword(Account user, String current) {
        return given().header("Authorization", user.bearer()).contentType(ContentType.JSON)
                .body(Map.of("password", "a new password 1", "currentPassword", current))
                .patch("/users/" + user.id()).then();
    }

    static String statuses(List<Response> answers) {
        return answers.stream().map(a -> String.valueOf(a.statusCode())).sorted().toList().toString();
    }
}
