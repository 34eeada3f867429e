package org.videoclub.catalog.config;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The packaged service in the prod profile refuses to start without its settings, and says which ones: one line
 * per missing variable. Runs in every {@code ./mvnw verify} (it needs the jar, so it is an *IT).
 */
class ProdStartupIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    @Test
    void missingSettingsStopStartUpWithOneMessageEach() throws Exception {
        String output = start(Map.of());
        for (String variable : new String[] { "DB_USER", "DB_PASSWORD", "JWT_PUBLIC_KEY" }) {
            assertTrue(output.contains("set " + variable), variable + " not named in:\n" + output);
        }
    }

    private static String start(Map<String, String> environment) throws IOException, InterruptedException {
        assertTrue(Files.exists(JAR), "package the application first: " + JAR.toAbsolutePath());
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("DB_") || name.startsWith("JWT_")
                || name.startsWith("QUARKUS_") || name.startsWith("CATALOG_"));
        builder.environment().putAll(environment);
        builder.environment().put("PORT", "0");
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the service should stop by itself");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertNotEquals(0, process.exitValue(), output);
        return output;
    }
}
