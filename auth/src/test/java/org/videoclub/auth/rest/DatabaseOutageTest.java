package org.videoclub.auth.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;


import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.videoclub.auth.Api;
import org.videoclub.auth.Api.Account;
import org.videoclub.auth.TestKeys;
import org.eclipse.microprofile.config.ConfigProvider;
import org.videoclub.testing.Burst;
import org.videoclub.testing.MariaDbTestResource;
import org.videoclub.testing.OutageAnswers;
import org.videoclub.testing.TcpProxy;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.RestAssured;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The database goes away (refusing, or hung: a black hole) and comes back: 503 problem+json within the deadline
 * meanwhile, and recovery without a restart.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.ThroughProxy.class)
class DatabaseOutageTest {

    static TcpProxy proxy;

    public static class ThroughProxy implements QuarkusTestProfile {
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ProxiedDatabase.class), new TestResourceEntry(TestKeys.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // the default deadline; a short wait queue, so that a burst of 64 overflows it
            return Map.of("auth.database.max-waiting", "8");
        }
    }

    public static class ProxiedDatabase implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            MariaDbTestResource.Server db = MariaDbTestResource.server();
            proxy = new TcpProxy(db.host(), db.port()).start();
            String hostAndPort = "127.0.0.1:" + proxy.port() + "/auth";
            return Map.of(
                    "quarkus.datasource.username", MariaDbTestResource.APP_USER,
                    "quarkus.datasource.password", MariaDbTestResource.APP_PASSWORD,
                    "quarkus.datasource.reactive.url", "mysql://" + hostAndPort,
                    "quarkus.datasource.jdbc.url", "jdbc:mariadb://" + hostAndPort);
        }

        @Override
        public void stop() {
            proxy.close();
        }
    }

    @Test
    void requestsFailWith503WhileTheDatabaseIsGoneAndRecoverAfter() {
        Account user = Api.account("reader");
        proxy.stop();
        try {
            Api.login(user.username(), Api.PASSWORD).statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .body("status", equalTo(503));
            given().header("Authorization", user.bearer()).get("/users/me").then().statusCode(503)
                    .contentType("application/problem+json");
            given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
            given().get("/q/health/live").then().statusCode(200);
        } finally {
            proxy.start();
        }
        // logins queued behind the outage's late bcrypt checks may still be refused for a while
        await().forever().pollInterval(Duration.ofMillis(200))
                .until(() -> Api.login(user.username(), Api.PASSWORD).extract().statusCode() == 200);
        Api.login(user.username(), Api.PASSWORD).statusCode(200);
        given().header("Authorization", user.bearer()).get("/users/me").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void aHungDatabaseIsAnswered503WithinTheDeadlineAndRecoveredFrom() {
        Account user = Api.account("reader");
        Duration deadline = ConfigProvider.getConfig().getValue("auth.database.deadline", Duration.class);
        int poolSize = ConfigProvider.getConfig().getValue("quarkus.datasource.reactive.max-size", Integer.class);
        int maxWaiting = ConfigProvider.getConfig().getValue("auth.database.max-waiting", Integer.class);
        // the margin is the deadline itself: time to answer after it passed, on a busy machine
        Duration bound = deadline.multipliedBy(2);
        String login = "{\"username\":\"" + user.username() + "\",\"password\":\"" + Api.PASSWORD + "\"}";
        proxy.blackHole();
        List<Burst.Answer> answers;
        try {
            answers = Burst.send(64, bound.multipliedBy(3), i -> i % 2 == 0
                    ? HttpRequest.newBuilder(Burst.uri(RestAssured.port, "/login"))
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(login))
                    : HttpRequest.newBuilder(Burst.uri(RestAssured.port, "/users/me"))
                            .header("Authorization", user.bearer()).GET());
        } finally {
            proxy.resume();
        }
        OutageAnswers.assertRefusedInTime(answers, bound, poolSize, maxWaiting);

        // what was held back is delivered and the pool recovers, with no restart
        // logins queued behind the outage's late bcrypt checks may still be refused for a while
        await().forever().pollInterval(Duration.ofMillis(200))
                .until(() -> Api.login(user.username(), Api.PASSWORD).extract().statusCode() == 200);
        Api.login(user.username(), Api.PASSWORD).statusCode(200);
        given().header("Authorization", user.bearer()).get("/users/me").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
