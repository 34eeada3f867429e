package org.videoclub.auth.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
        for (String variable : new String[] { "DB_USER", "DB_PASSWORD", "JWT_PRIVATE_KEY", "JWT_PUBLIC_KEY" }) {
            assertTrue(output.contains("set " + variable), variable + " not named in:\n" + output);
        }
    }

    @Test
    void anUnreadableKeyFileIsNamed() throws Exception {
        String output = FailedStart.output(Map.of("DB_USER", "someone", "DB_PASSWORD", "a-long-random-test-password",
                "JWT_PRIVATE_KEY", "/nonexistent/private.pem", "JWT_PUBLIC_KEY", "/nonexistent/public.pem",
                // Any port nothing listens on: the key check comes before the database is needed.
                "DB_PORT", "1"));
        assertTrue(output.contains("Cannot read the token private key from '/nonexistent/private.pem'"), output);
    }

    @Test
    void aHungDatabaseStopsStartUpWithAClearMessage() throws Exception {
        try (SilentServer db = new SilentServer()) {
            String output = FailedStart.output(Map.of("DB_USER", "videoclub", "DB_PASSWORD", "a-long-random-test-password",
                    "DB_HOST", "127.0.0.1", "DB_PORT", String.valueOf(db.port()),
                    "JWT_PRIVATE_KEY", TestKeyFiles.privateKey().toString(), "JWT_PUBLIC_KEY", TestKeyFiles.PUBLIC,
                    "AUTH_DATABASE_DEADLINE", "2s"));
            assertTrue(output.contains("auth cannot start: the database schema could not be migrated"), output);
            assertTrue(db.connections() > 0, "the service never tried the database");
        }
    }

    @Test
    void placeholderSecretsAndAKeyOthersCanReadAreAllNamedInOneMessage() throws Exception {
        Path readableKey = TestKeyFiles.privateKey();
        Files.setPosixFilePermissions(readableKey, PosixFilePermissions.fromString("rw-r--r--"));
        String output = FailedStart.output(Map.of("DB_USER", "videoclub", "DB_PASSWORD", "change-me",
                "AUTH_ADMIN_USERNAME", "admin", "AUTH_ADMIN_PASSWORD", "change-me-too",
                "JWT_PRIVATE_KEY", readableKey.toString(), "JWT_PUBLIC_KEY", TestKeyFiles.PUBLIC, "DB_PORT", "1"));
        assertTrue(output.contains("auth refuses to start with unsafe settings"), output);
        assertTrue(output.contains("DB_PASSWORD is a placeholder"), output);
        assertTrue(output.contains("AUTH_ADMIN_PASSWORD is a placeholder"), output);
        assertTrue(output.contains("JWT_PRIVATE_KEY " + readableKey + " can be read by other users"), output);
    }

    @Test
    void anAdminPasswordUnder12CharactersIsRefused() throws Exception {
        String output = FailedStart.output(Map.of("DB_USER", "videoclub", "DB_PASSWORD", "a-long-random-test-password",
                "AUTH_ADMIN_USERNAME", "admin", "AUTH_ADMIN_PASSWORD", "eleven-char",
                "JWT_PRIVATE_KEY", TestKeyFiles.privateKey().toString(), "JWT_PUBLIC_KEY", TestKeyFiles.PUBLIC,
                "DB_PORT", "1"));
        assertTrue(output.contains("AUTH_ADMIN_PASSWORD is shorter than 12 characters"), output);
    }
}
