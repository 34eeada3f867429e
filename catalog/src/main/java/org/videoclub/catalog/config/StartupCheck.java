package org.videoclub.catalog.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.StartupEvent;

/**
 * Runs first at start-up: a service without its database account or token key stops here, with one line per missing
 * setting naming its environment variable, instead of failing later with a connection or key error.
 */
@ApplicationScoped
public class StartupCheck {

    /** Observer priority: before the schema migration and everything else. */
    public static final int PRIORITY = 1;

    private static final Map<String, String> REQUIRED = Map.of(
            "quarkus.datasource.username", "DB_USER (database account of the catalog schema)",
            "quarkus.datasource.password", "DB_PASSWORD (its password)",
            "mp.jwt.verify.publickey.location",
            "JWT_PUBLIC_KEY (path of auth's RSA public key, PEM, or auth's JWKS URL)");

    void check(@Observes @Priority(PRIORITY) StartupEvent event, Config config) {
        List<String> missing = new ArrayList<>();
        REQUIRED.forEach((property, variable) -> {
            String value = config.getOptionalValue(property, String.class).orElse("");
            if (value.isBlank() || value.equals("NONE")) {
                missing.add("  - set " + variable);
            }
        });
        if (!missing.isEmpty()) {
            missing.sort(null);
            throw new IllegalStateException("catalog cannot start, settings are missing:\n" + String.join("\n", missing));
        }
    }
}
