package org.videoclub.catalog.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the catalog service; every one has an environment variable (CATALOG_REVOCATION_POLL_INTERVAL and so on). */
@ConfigMapping(prefix = "catalog")
public interface CatalogConfig {

    Revocation revocation();

    Search search();

    TokenCache tokenCache();

    Database database();

    Keys keys();

    Ui ui();

    /**
     * The public keys tokens are verified with (JWT_PUBLIC_KEY): comma-separated PEM files, or the http(s) URL of auth's
     * JWKS. Each token is verified with the key its {@code kid} names.
     */
    interface Keys {
        /**
         * JWKS mode: a token with a kid catalog does not know makes it read the JWKS again (after a key rotation), at
         * most once per this interval, so that forged kids cannot make it hammer auth.
         */
        @WithDefault("5s")
        Duration refreshMinInterval();

        /** JWKS mode: longest wait for auth's JWKS. */
        @WithDefault("2s")
        Duration fetchTimeout();
    }

    /** How long catalog waits on the database (CATALOG_DATABASE_DEADLINE, CATALOG_DATABASE_MAX_WAITING). */
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

    interface Revocation {
        /**
         * How often auth's revocation feed is polled; a revoked token is refused within about this long. The poll
         * itself is scheduled from the same property ({@code RevocationPoller}).
         */
        @WithDefault("1s")
        Duration pollInterval();

        /**
         * Once the last good sync is older than this, the revocation state is considered unknown: protected requests
         * get 503 and readiness is DOWN, until a poll succeeds again.
         */
        @WithDefault("60s")
        Duration maxStaleness();

        /**
         * How often the whole feed is read again from the start, which picks up revocations committed late with a
         * sequence number below one already seen.
         */
        @WithDefault("30s")
        Duration fullResyncInterval();

        /** Longest wait for one answer of auth's feed, connection included. */
        @WithDefault("2s")
        Duration requestTimeout();
    }

    /**
     * The cache of full-text searches ({@code GET /books?q=} alone): the sorted ids of every book matching a search,
     * so that later pages and repeated searches do not run MariaDB's full-text search again. Writes through this
     * instance clear it at once. It holds at most max-total-ids ids (8 bytes each).
     */
    interface Search {
        /**
         * How long the matches of one search are kept: how long a search may miss books created, changed or deleted
         * through other catalog instances. 0 disables the cache.
         */
        @WithDefault("30s")
        Duration cacheTtl();

        /**
         * How many distinct searches are kept; when full, the cache (Caffeine) keeps searches repeated often over
         * one-off ones. 0 disables the cache.
         */
        @WithDefault("100")
        int cacheMaxQueries();

        /** A search matching more books than this is not cached: its pages come from SQL, one query each. */
        @WithDefault("100000")
        int cacheMaxIds();

        /**
         * Ids kept for all searches together (1,000,000 ids are 8 MB), so that the cache fits a small heap however many
         * large searches arrive. Each search counts for at least max-total-ids / max-queries ids (rounded down, at least
         * one), so that both bounds hold at once; when this is below max-queries, at most this many searches are kept.
         */
        @WithDefault("1000000")
        long cacheMaxTotalIds();
    }

    interface TokenCache {
        /**
         * Most access tokens kept once verified, so that a token sent again is not verified again (signature and
         * claims); each kept token holds its text and parsed claims. When full, tokens not kept are verified on every
         * request until kept ones expire. 0 turns the cache off.
         */
        @WithDefault("1000")
        int maxSize();
    }

    /** The web UI served at / (SPEC section 10). */
    interface Ui {
        /**
         * auth's base URL as the browser reaches it (CATALOG_UI_AUTH_URL), e.g. http://localhost:4000 in run-local; its
         * origin is added to the UI's Content-Security-Policy connect-src. Not set: auth is on the UI's own origin (the
         * gateway routes both services under one origin).
         */
        Optional<String> authUrl();
    }
}
