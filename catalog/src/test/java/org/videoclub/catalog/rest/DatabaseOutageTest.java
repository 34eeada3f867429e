package org.videoclub.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.videoclub.catalog.support.Api.as;
import static org.videoclub.catalog.support.Api.assertProblem;
import static org.videoclub.catalog.support.Api.createGenre;
import static org.videoclub.catalog.support.Api.unique;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.videoclub.catalog.support.CatalogDatabase;
import org.videoclub.catalog.support.StubAuthServer;
import org.videoclub.catalog.support.TestTokens;
import org.videoclub.testing.Burst;
import org.videoclub.testing.MariaDbTestResource;
import org.videoclub.testing.OutageAnswers;
import org.videoclub.testing.TcpProxy;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * The database goes away (refusing, or hung: a black hole) and comes back: 503 problem+json within the deadline and
 * readiness DOWN meanwhile, recovery without a restart.
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
            return List.of(new TestResourceEntry(ProxiedDatabase.class), new TestResourceEntry(StubAuthServer.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // the default deadline; a short wait queue, so that a burst of 64 overflows it
            return Map.of("catalog.database.max-waiting", "8");
        }
    }

    public static class ProxiedDatabase implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            Map<String, String> direct = new CatalogDatabase().start();
            MariaDbTestResource.Server db = MariaDbTestResource.server();
            proxy = new TcpProxy(db.host(), db.port()).start();
            String hostAndPort = "127.0.0.1:" + proxy.port() + "/catalog";
            return Map.of(
                    "quarkus.datasource.username", direct.get("quarkus.datasource.username"),
                    "quarkus.datasource.password", direct.get("quarkus.datasource.password"),
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
        as("reader").get("/books").then().statusCode(200);
        proxy.stop();
        try {
            assertProblem(as("reader").get("/books"), 503).then().header("Retry-After", "5");
            assertProblem(as("editor").body(Map.of("name", "Lost")).post("/genres"), 503);
            given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
            given().get("/q/health/live").then().statusCode(200);
        } finally {
            proxy.start();
        }
        await().forever().pollInterval(Duration.ofMillis(200))
                .until(() -> as("reader").get("/books").statusCode() == 200);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void aHungDatabaseIsAnswered503WithinTheDeadlineAndRecoveredFrom() {
        long genre = createGenre(unique("Hung"));
        String bearer = "Bearer " + TestTokens.token("reader");
        Duration deadline = ConfigProvider.getConfig().getValue("catalog.database.deadline", Duration.class);
        int poolSize = ConfigProvider.getConfig().getValue("quarkus.datasource.reactive.max-size", Integer.class);
        int maxWaiting = ConfigProvider.getConfig().getValue("catalog.database.max-waiting", Integer.class);
        // the margin is the deadline itself: time to answer after it passed, on a busy machine
        Duration bound = deadline.multipliedBy(2);
        proxy.blackHole();
        List<Burst.Answer> answers;
        try {
            answers = Burst.send(64, bound.multipliedBy(3), i -> HttpRequest
                    .newBuilder(Burst.uri(RestAssured.port, i % 2 == 0 ? "/genres/" + genre : "/books"))
                    .header("Authorization", bearer).GET());
        } finally {
            proxy.resume();
        }
        OutageAnswers.assertRefusedInTime(answers, bound, poolSize, maxWaiting);

        // what was held back is delivered (late calls are left to finish), so the next request is served, no restart
        as("reader").get("/genres/" + genre).then().statusCode(200);
        as("reader").get("/books").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
