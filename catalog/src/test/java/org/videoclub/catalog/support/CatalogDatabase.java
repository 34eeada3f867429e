package org.videoclub.catalog.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import org.videoclub.testing.MariaDbTestResource;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The shared embedded MariaDB (auth's {@link MariaDbTestResource}, one server per test JVM), schema {@code catalog},
 * for the application under test and for the tests' own JDBC checks.
 */
public class CatalogDatabase implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        MariaDbTestResource.Server db = MariaDbTestResource.server();
        return Map.of(
                "quarkus.datasource.username", MariaDbTestResource.APP_USER,
                "quarkus.datasource.password", MariaDbTestResource.APP_PASSWORD,
                "quarkus.datasource.reactive.url", "mysql://" + db.host() + ":" + db.port() + "/catalog",
                "quarkus.datasource.jdbc.url", db.jdbcUrl("catalog"));
    }

    @Override
    public void stop() {
        // The database lives as long as the test JVM (see MariaDbTestResource).
    }

    /** An admin connection to {@code database}. */
    public static Connection connect(String database) throws SQLException {
        MariaDbTestResource.Server db = MariaDbTestResource.server();
        return db.connect(database, db.adminUser(), db.adminPassword());
    }
}
