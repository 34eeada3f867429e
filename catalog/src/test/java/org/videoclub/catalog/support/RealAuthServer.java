package org.videoclub.catalog.support;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.videoclub.testing.MariaDbTestResource;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Runs the real auth service ({@code auth/target/quarkus-app/quarkus-run.jar}, built by
 * {@code ./mvnw package -pl auth -DskipTests}) as a child process on a free port, against the tests' MariaDB and with
 * the test keys, and points catalog's revocation client and web UI at it. With the init argument {@code cors-origins}
 * (a comma-separated list) auth allows those origins through CORS, as {@code AUTH_CORS_ORIGINS} does in a deployment.
 */
public class RealAuthServer implements QuarkusTestResourceLifecycleManager {

    private static final Path JAR = Path.of("..", "auth", "target", "quarkus-app", "quarkus-run.jar").toAbsolutePath().normalize();
    private static final Path LOG = Path.of("target", "e2e-auth.log").toAbsolutePath();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    /** The first admin, made by auth at start-up when there is none. */
    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_PASSWORD = "e2e-admin-password-1";

    private static volatile String baseUrl;
    private Process process;
    private String corsOrigins = "";

    public static String baseUrl() {
        return baseUrl;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        corsOrigins = initArgs.getOrDefault("cors-origins", "");
    }

    @Override
    public Map<String, String> start() {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException("The end-to-end test needs auth's runnable jar at " + JAR
                    + ", which is missing: build it first with `./mvnw package -pl auth -DskipTests` (or run `./mvnw verify` at the root).");
        }
        MariaDbTestResource.Server db = MariaDbTestResource.server();
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", JAR.toString());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_PROFILE", "prod");
        env.put("PORT", String.valueOf(port));
        env.put("DB_HOST", db.host());
        env.put("DB_PORT", String.valueOf(db.port()));
        env.put("DB_NAME", "auth");
        env.put("DB_USER", MariaDbTestResource.APP_USER);
        env.put("DB_PASSWORD", MariaDbTestResource.APP_PASSWORD);
        env.put("JWT_PRIVATE_KEY", ownerOnlyCopy(resource("keys/test-private.pem")));
        env.put("JWT_PUBLIC_KEY", resource("keys/test-public.pem").toString());
        env.put("AUTH_PASSWORD_BCRYPT_COST", "4");
        env.put("AUTH_ADMIN_USERNAME", ADMIN_USERNAME);
        env.put("AUTH_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("AUTH_CORS_ORIGINS", corsOrigins);
        builder.redirectErrorStream(true).redirectOutput(LOG.toFile());
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start auth from " + JAR, e);
        }
        String url = "http://127.0.0.1:" + port;
        waitUntilReady(url);
        baseUrl = url;
        return Map.of("quarkus.rest-client.auth.url", url, "catalog.ui.auth-url", url);
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private void waitUntilReady(String url) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("auth exited with " + process.exitValue() + " at start-up:\n" + logTail());
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(url + "/q/health/ready").toURL().openConnection();
                connection.setConnectTimeout(1000);
                connection.setReadTimeout(2000);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        stop();
        throw new IllegalStateException("auth was not ready within " + START_TIMEOUT.toSeconds() + " s:\n" + logTail());
    }

    private static String logTail() {
        try {
            List<String> lines = Files.readAllLines(LOG);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log at " + LOG + ")";
        }
    }

    private static String resource(String name) {
        try {
            return Path.of(RealAuthServer.class.getClassLoader().getResource(name).toURI()).toAbsolutePath().toString();
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("Test resource " + name + " not found", e);
        }
    }

    /** auth in prod refuses a private key others can read: git checks the test key out 0644. */
    private static String ownerOnlyCopy(String key) {
        try {
            Path copy = Files.createTempFile("videoclub-e2e-private", ".pem",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(copy, Files.readAllBytes(Path.of(key)));
            copy.toFile().deleteOnExit();
            return copy.toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
