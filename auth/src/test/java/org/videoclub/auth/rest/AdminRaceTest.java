package org.videoclub.auth.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.videoclub.auth.Api;
import org.videoclub.auth.Api.Account;
import org.videoclub.auth.TestDatabase;
import org.videoclub.testing.Concurrently;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * There is always an admin: admins demoting and deleting each other all at once leave at least one. The bootstrap
 * admin is made a reader for the test (directly in the database) so that the racing admins are the only ones.
 */
@QuarkusTest
class AdminRaceTest {

    private static final int ADMINS = 4;

    @BeforeEach
    void onlyTheRacingAdminsAreAdmins() throws Exception {
        Api.warmUpThePool();
        TestDatabase.execute("UPDATE users SET role = 'reader' WHERE username_canonical = 'admin'");
        TestDatabase.execute("UPDATE users SET role = 'editor' WHERE role = 'admin'");
    }

    @AfterEach
    void theBootstrapAdminIsBack() {
        TestDatabase.execute("UPDATE users SET role = 'admin' WHERE username_canonical = 'admin'");
    }

    @Test
    void concurrentDemotionsAndDeletionsLeaveAnAdmin() throws Exception {
        for (int round = 0; round < 6; round++) {
            TestDatabase.execute("UPDATE users SET role = 'editor' WHERE role = 'admin'");
            List<Account> admins = new ArrayList<>();
            for (int i = 0; i < ADMINS; i++) {
                String name = Api.uniqueName("boss");
                long id = Api.signUp(name, Api.PASSWORD);
                TestDatabase.execute("UPDATE users SET role = 'admin' WHERE id = " + id);
                admins.add(Api.signIn(id, name, Api.PASSWORD));
            }
            boolean deletions = round % 2 == 1;
            // Every admin demotes (or deletes) every admin, itself included, 4 times over: 64 requests at once.
            List<Integer> statuses = Concurrently.run(64, i -> () -> {
                Account actor = admins.get(i % ADMINS);
                Account target = admins.get((i / ADMINS) % ADMINS);
                var request = given().header("Authorization", actor.bearer()).contentType(ContentType.JSON);
                return deletions
                        ? request.delete("/users/" + target.id()).statusCode()
                        : request.body(Map.of("role", "reader")).patch("/users/" + target.id()).statusCode();
            });
            // 200/204 done, 409 the last admin, 401 an actor already demoted, 404 a target already deleted.
            statuses.forEach(status -> assertTrue(List.of(200, 204, 401, 404, 409).contains(status),
                    "status " + status + " in " + statuses));
            assertTrue(TestDatabase.number("SELECT COUNT(*) FROM users WHERE role = 'admin'") >= 1,
                    "no admin left after " + statuses);
            assertTrue(statuses.contains(409), "the last admin was defended: " + statuses);
        }
    }
}
