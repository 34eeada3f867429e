package org.videoclub.testing;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Starts a packaged service that is expected to refuse to start, and returns what it printed: the native binary when
 * the module's last package was native ({@code -Dnative}), else the runnable jar.
 */
public final class FailedStart {

    /** The runnable jar of the module under test, once packaged. */
    public static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    /** Written by every package: {@code type=native} and the binary's {@code path} after a native one. */
    private static final Path LAST_ARTIFACT = Path.of("target/quarkus-artifact.properties");

    private FailedStart() {
    }

    /**
     * Runs the packaged service in the prod profile with none of its own variables but {@code environment}, and
     * checks that it stops by itself with a non-zero exit.
     */
    public static String output(Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("DB_") || name.startsWith("JWT_")
                || name.startsWith("QUARKUS_") || name.startsWith("AUTH_") || name.startsWith("CATALOG_"));
        builder.environment().putAll(environment);
        builder.environment().put("PORT", "0");
        Process process = builder.start();
        // generous: a JVM start on a busy machine, plus the database deadline when the test makes it hang
        assertTrue(process.waitFor(180, TimeUnit.SECONDS), "the service should stop by itself");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertNotEquals(0, process.exitValue(), output);
        return output;
    }

    private static List<String> command() throws IOException {
        Properties artifact = new Properties();
        if (Files.exists(LAST_ARTIFACT)) {
            try (var in = Files.newInputStream(LAST_ARTIFACT)) {
                artifact.load(in);
            }
        }
        if ("native".equals(artifact.getProperty("type"))) {
            Path binary = Path.of("target").resolve(artifact.getProperty("path"));
            assertTrue(Files.isExecutable(binary), "no native binary at " + binary.toAbsolutePath());
            return List.of(binary.toString());
        }
        assertTrue(Files.exists(JAR), "package the application first: " + JAR.toAbsolutePath());
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString());
    }
}
