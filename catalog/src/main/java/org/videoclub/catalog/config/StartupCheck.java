package org.videoclub.catalog.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * Runs first at start-up: a service without its database account or token key stops here, with one line per missing
 * setting naming its environment variable, instead of failing later with a connection or key error. In prod it also
 * refuses a placeholder or example database password (SPEC section 9).
 */
@ApplicationScoped
public class StartupCheck {

    /** Observer priority: before the schema migration and everything else. */
    public static final int PRIORITY = 1;

    private static final Map<String, String> REQUIRED = Map.of(
            "quarkus.datasource.username", "DB_USER (database account of the catalog schema)",
            "quarkus.datasource.password", "DB_PASSWORD (its password)",
            "mp.jwt.verify.publickey.location",
            "JWT_PUBLIC_KEY (paths of auth's RSA public keys, PEM, comma-separated, or auth's JWKS URL)");

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
        String dbPassword = config.getOptionalValue("quarkus.datasource.password", String.class).orElse("");
        if (ConfigUtils.isProfileActive("prod") && isPlaceholder(dbPassword)) {
            throw new IllegalStateException("catalog refuses to start with unsafe settings:\n"
                    + "  - DB_PASSWORD is a placeholder or example value: set the database account's real password");
        }
    }

    /** The example values of deploy/ (change-me, change-me-too) and the usual stand-ins; as auth's StartupCheck. */
    static boolean isPlaceholder(String secret) {
        String value = secret.strip().toLowerCase(Locale.ROOT);
        return value.startsWith("change-me") || value.startsWith("changeme") || value.contains("placeholder")
                || value.equals("password") || value.equals("secret") || value.equals("example");
    }
}
