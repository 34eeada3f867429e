package org.videoclub.catalog.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.videoclub.testing.FailedStart;
import org.videoclub.testing.SilentServer;

/**
 * The packaged service in the prod profile refuses to start without its settings, and says which ones: one line
 * per missing variable. Runs in every {@code ./mvnw verify} (it needs the jar, so it is an *IT).
 */
class ProdStartupIT {

    @Test
    void missingSettingsStopStartUpWithOneMessageEach() throws Exception {
        String output = FailedStart.output(Map.of());
        for (String variable : new String[] { "DB_USER", "DB_PASSWORD", "JWT_PUBLIC_KEY" }) {
            assertTrue(output.contains("set " + variable), variable + " not named in:\n" + output);
        }
    }

    @Test
    void aHungDatabaseStopsStartUpWithAClearMessage() throws Exception {
        try (SilentServer db = new SilentServer()) {
            String output = FailedStart.output(Map.of("DB_USER", "videoclub", "DB_PASSWORD", "a-long-random-test-password",
                    "DB_HOST", "127.0.0.1", "DB_PORT", String.valueOf(db.port()),
                    "JWT_PUBLIC_KEY", "src/test/resources/keys/test-public.pem", "CATALOG_DATABASE_DEADLINE", "2s"));
            assertTrue(output.contains("catalog cannot start: the database schema could not be migrated"), output);
            assertTrue(db.connections() > 0, "the service never tried the database");
        }
    }

    @Test
    void aPlaceholderDatabasePasswordIsRefused() throws Exception {
        String output = FailedStart.output(Map.of("DB_USER", "videoclub", "DB_PASSWORD", "change-me",
                "JWT_PUBLIC_KEY", "src/test/resources/keys/test-public.pem", "DB_PORT", "1"));
        assertTrue(output.contains("catalog refuses to start with unsafe settings"), output);
        assertTrue(output.contains("DB_PASSWORD is a placeholder"), output);
    }
}
