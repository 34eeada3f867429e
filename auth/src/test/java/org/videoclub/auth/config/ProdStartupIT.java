package org.videoclub.auth.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.videoclub.testing.FailedStart;

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
        String output = FailedStart.output(Map.of("DB_USER", "someone", "DB_PASSWORD", "secret",
                "JWT_PRIVATE_KEY", "/nonexistent/private.pem", "JWT_PUBLIC_KEY", "/nonexistent/public.pem",
                // Any port nothing listens on: the key check comes before the database is needed.
                "DB_PORT", "1"));
        assertTrue(output.contains("Cannot read the token private key from '/nonexistent/private.pem'"), output);
    }
}
