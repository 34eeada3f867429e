package org.videoclub.testing;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Starts a packaged service that is expected to refuse to start, and returns what it printed. */
public final class FailedStart {

    /** The runnable jar of the module under test, once packaged. */
    public static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    private FailedStart() {
    }

    /**
     * Runs the jar in the prod profile with none of the service's own variables but {@code environment}, and
     * checks that it stops by itself with a non-zero exit.
     */
    public static String output(Map<String, String> environment) throws IOException, InterruptedException {
        assertTrue(Files.exists(JAR), "package the application first: " + JAR.toAbsolutePath());
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()).redirectErrorStream(true);
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
}
