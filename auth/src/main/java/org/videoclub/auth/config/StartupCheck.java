package org.videoclub.auth.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * Runs first at start-up: a service without its database account or token keys stops here, with one line per missing
 * setting naming its environment variable, instead of failing later with a connection or key error. In prod it also
 * refuses what is unsafe (SPEC section 9): a placeholder or example secret, an admin password under 12 characters, a
 * private key others can read; every problem in the same message.
 */
@ApplicationScoped
public class StartupCheck {

    /** Observer priority: before the schema migration and everything else. */
    public static final int PRIORITY = 1;
    static final int MIN_ADMIN_PASSWORD_LENGTH = 12;

    private static final Map<String, String> REQUIRED = Map.of(
            "quarkus.datasource.username", "DB_USER (database account of the auth schema)",
            "quarkus.datasource.password", "DB_PASSWORD (its password)",
            "smallrye.jwt.sign.key.location", "JWT_PRIVATE_KEY (path of the RSA private key, PEM)",
            "mp.jwt.verify.publickey.location", "JWT_PUBLIC_KEY (path of the RSA public key, PEM)");

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
            throw new IllegalStateException("auth cannot start, settings are missing:\n" + String.join("\n", missing));
        }
        if (ConfigUtils.isProfileActive("prod")) {
            List<String> unsafe = unsafeSettings(config);
            if (!unsafe.isEmpty()) {
                throw new IllegalStateException("auth refuses to start with unsafe settings:\n" + String.join("\n", unsafe));
            }
        }
    }

    static List<String> unsafeSettings(Config config) {
        List<String> unsafe = new ArrayList<>();
        String dbPassword = config.getOptionalValue("quarkus.datasource.password", String.class).orElse("");
        if (isPlaceholder(dbPassword)) {
            unsafe.add("  - DB_PASSWORD is a placeholder or example value: set the database account's real password");
        }
        config.getOptionalValue("auth.admin.password", String.class).ifPresent(admin -> {
            if (isPlaceholder(admin)) {
                unsafe.add("  - AUTH_ADMIN_PASSWORD is a placeholder or example value: choose a real one");
            } else if (admin.length() < MIN_ADMIN_PASSWORD_LENGTH) {
                unsafe.add("  - AUTH_ADMIN_PASSWORD is shorter than " + MIN_ADMIN_PASSWORD_LENGTH + " characters");
            }
        });
        String privateKey = config.getOptionalValue("smallrye.jwt.sign.key.location", String.class).orElse("");
        if (readableByOthers(privateKey)) {
            unsafe.add("  - JWT_PRIVATE_KEY " + privateKey + " can be read by other users: chmod 600 it (owner: the"
                    + " account auth runs as)");
        }
        return unsafe;
    }

    /** The example values of deploy/ (change-me, change-me-too) and the usual stand-ins. */
    static boolean isPlaceholder(String secret) {
        String value = secret.strip().toLowerCase(Locale.ROOT);
        return value.startsWith("change-me") || value.startsWith("changeme") || value.contains("placeholder")
                || value.equals("password") || value.equals("secret") || value.equals("example");
    }

    private static boolean readableByOthers(String location) {
        Path file = Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location);
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            return permissions.contains(PosixFilePermission.OTHERS_READ)
                    || permissions.contains(PosixFilePermission.GROUP_READ);
        } catch (IOException | UnsupportedOperationException | java.nio.file.InvalidPathException e) {
            // not a file here (a classpath resource) or no POSIX permissions: SigningKeys reports an unreadable key
            return false;
        }
    }
}
