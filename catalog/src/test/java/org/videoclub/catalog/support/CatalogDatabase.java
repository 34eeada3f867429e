package org.videoclub.catalog.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

import org.videoclub.testing.MariaDbTestResource;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The shared embedded MariaDB (auth's {@link MariaDbTestResource}), schema {@code catalog}, for the application under
 * test and for the tests' own JDBC checks.
 *
 * <p>Quarkus loads test classes again for each application start (each test profile), so MariaDbTestResource's static
 * singleton would start one more MariaDB per profile, and {@code DriverManager} would not see the driver of a later
 * class loader. The server's address is therefore kept in system properties (once per JVM), and connections are made
 * through the driver class directly.
 */
public class CatalogDatabase implements QuarkusTestResourceLifecycleManager {

    /** Where the database listens, and an account that may do anything on it. */
    public record Server(String host, int port, String adminUser, String adminPassword) {
        public String jdbcUrl(String database) {
            return "jdbc:mariadb://" + host + ":" + port + "/" + database;
        }
    }

    private static final String PREFIX = "videoclub.test.db.";

    @Override
    public Map<String, String> start() {
        Server db = server();
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

    public static synchronized Server server() {
        if (System.getProperty(PREFIX + "port") == null) {
            MariaDbTestResource.Server started = MariaDbTestResource.server();
            System.setProperty(PREFIX + "host", started.host());
            System.setProperty(PREFIX + "port", String.valueOf(started.port()));
            System.setProperty(PREFIX + "admin-user", started.adminUser());
            System.setProperty(PREFIX + "admin-password", started.adminPassword());
        }
        return new Server(System.getProperty(PREFIX + "host"), Integer.parseInt(System.getProperty(PREFIX + "port")),
                System.getProperty(PREFIX + "admin-user"), System.getProperty(PREFIX + "admin-password"));
    }

    /** An admin connection to {@code database}. */
    public static Connection connect(String database) throws SQLException {
        Server db = server();
        Properties credentials = new Properties();
        credentials.setProperty("user", db.adminUser());
        credentials.setProperty("password", db.adminPassword());
        return new org.mariadb.jdbc.Driver().connect(db.jdbcUrl(database), credentials);
    }
}
