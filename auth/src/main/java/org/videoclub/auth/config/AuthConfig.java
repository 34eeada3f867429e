package org.videoclub.auth.config;

import java.time.Duration;
import java.util.List;
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
    Database database();

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

        /**
         * Public keys (PEM file paths) of earlier signing keys, still accepted and published in the JWKS so that the
         * tokens they signed keep working after a key rotation (JWT_PREVIOUS_PUBLIC_KEYS, comma-separated). Remove one
         * once access-ttl (plus catalog's 30 s of clock skew) has passed since the rotation.
         */
        Optional<List<String>> previousPublicKeys();

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

    /** How long auth waits on the database (AUTH_DATABASE_DEADLINE, AUTH_DATABASE_MAX_WAITING). */
    interface Database {
        /**
         * Longest wait for the database in one call (a connection from the pool, the queries, the commit): past it the
         * request is answered 503 with Retry-After. Also bounds taking a connection for the migration at start-up.
         */
        @WithDefault("5s")
        Duration deadline();

        /**
         * The same bound during start-up (the first admin, the first queries of a cold JVM), which may be slow without
         * the database hanging. The schema migration before them is bounded by the deadline.
         */
        @WithDefault("30s")
        Duration startUpDeadline();

        /** Requests that may wait for a pool connection at once; the next ones are answered 503 at once. */
        @WithDefault("128")
        int maxWaiting();
    }

    /** First admin, created at start-up when no admin exists (AUTH_ADMIN_USERNAME / AUTH_ADMIN_PASSWORD). */
    interface Admin {
        Optional<String> username();

        Optional<String> password();
    }
}
