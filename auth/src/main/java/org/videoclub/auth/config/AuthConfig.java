package org.videoclub.auth.config;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the auth service; every one has an environment variable (AUTH_TOKEN_ACCESS_TTL and so on). */
@ConfigMapping(prefix = "auth")
public interface AuthConfig {

    Token token();

    Password password();

    Login login();

    Admin admin();

    Audit audit();

    interface Token {
        /** {@code iss} of the access tokens; catalog checks it. */
        @WithDefault("videoclub-auth")
        String issuer();

        /** {@code aud} of the access tokens; catalog checks it. */
        @WithDefault("videoclub")
        String audience();

        /** Lifetime of an access token. */
        @WithDefault("PT15M")
        Duration accessTtl();

        /** Lifetime of a session's refresh token (each refresh issues a new one with the same deadline). */
        @WithDefault("P30D")
        Duration refreshTtl();
    }

    interface Password {
        /** bcrypt cost factor (log2 rounds); 10 takes about 50 to 100 ms per hash on one core. */
        @WithDefault("10")
        int bcryptCost();

        /**
         * Threads that hash and check passwords (a pool of their own, so a burst of logins queues there instead of
         * filling the shared worker pool). Default: the number of cores.
         */
        OptionalInt hashThreads();

        /**
         * Passwords that may wait for a hashing thread. When that many wait already, login, sign-up and password
         * changes answer 503 with Retry-After at once instead of queueing without end.
         */
        @WithDefault("64")
        int hashQueue();
    }

    interface Login {
        Throttle throttle();

        interface Throttle {
            /** Failed logins in a row for one username before further attempts are refused with 429. */
            @WithDefault("5")
            int maxFailures();

            /** Lock after the last allowed failure; it doubles with each further failure. */
            @WithDefault("PT30S")
            Duration baseDelay();

            /** Longest lock. */
            @WithDefault("PT15M")
            Duration maxDelay();
        }
    }

    interface Audit {
        /** How long security events are kept (AUTH_AUDIT_RETENTION); older ones are purged every hour. */
        @WithDefault("P90D")
        Duration retention();
    }

    /** First admin, created at start-up when no admin exists (AUTH_ADMIN_USERNAME / AUTH_ADMIN_PASSWORD). */
    interface Admin {
        Optional<String> username();

        Optional<String> password();
    }
}
