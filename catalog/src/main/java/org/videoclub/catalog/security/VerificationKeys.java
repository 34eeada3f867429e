package org.videoclub.catalog.security;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.JoseException;
import org.videoclub.catalog.config.CatalogConfig;
import org.videoclub.catalog.config.StartupCheck;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.util.KeyUtils;
import io.smallrye.jwt.util.ResourceUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * The public keys catalog verifies tokens with, by {@code kid} (the RFC 7638 thumbprint auth gives each key). From
 * JWT_PUBLIC_KEY: comma-separated PEM files (read at start-up; a key rotation adds the new public key to the list), or
 * the http(s) URL of auth's JWKS (read at start-up and again, at most once per {@code catalog.keys.refresh-min-interval},
 * when a token names a kid not known yet: auth's new key after a rotation). The JWKS is read with a non-blocking
 * client; {@link UnknownKeyFilter} makes the request that brought the new kid wait for that read.
 */
@ApplicationScoped
public class VerificationKeys {

    private static final Logger LOG = Logger.getLogger(VerificationKeys.class);

    private final String location;
    private final boolean jwks;
    private final CatalogConfig.Keys config;
    private final Vertx vertx;
    private volatile Map<String, PublicKey> byKid = Map.of();
    /** When the last JWKS read started (nanoTime), 0 before the first. */
    private volatile long lastRead;
    /** The JWKS read in progress, shared by every request that waits for it; null when none. */
    private volatile Uni<Void> reading;
    private HttpClient client;

    @Inject
    VerificationKeys(@ConfigProperty(name = "mp.jwt.verify.publickey.location") String location, CatalogConfig config,
            Vertx vertx) {
        this(location, config.keys(), vertx);
    }

    VerificationKeys(String location, CatalogConfig.Keys config, Vertx vertx) {
        this.location = location.strip();
        this.jwks = this.location.startsWith("http://") || this.location.startsWith("https://");
        this.config = config;
        this.vertx = vertx;
    }

    /** Right after StartupCheck has vetted that JWT_PUBLIC_KEY is set. */
    void load(@Observes @Priority(StartupCheck.PRIORITY + 1) StartupEvent event) {
        if (location.equals("NONE") || location.isEmpty()) {
            return;
        }
        if (!jwks) {
            Map<String, PublicKey> keys = new HashMap<>();
            for (String file : location.split(",")) {
                if (!file.isBlank()) {
                    PublicKey key = readPem(file.strip());
                    keys.put(thumbprint(key), key);
                }
            }
            byKid = Map.copyOf(keys);
            LOG.infof("Verifying tokens with %d public key(s) %s", keys.size(), keys.keySet());
            return;
        }
        client = vertx.createHttpClient();
        try {
            // not counted by the rate limit: the first unknown kid may read it again at once
            read().await().atMost(config.fetchTimeout().plusSeconds(1));
        } catch (RuntimeException e) {
            // auth not up yet: the first token makes catalog ask again
            LOG.warnf("auth's JWKS %s could not be read at start-up (%s); it is read again on the first token", location,
                    e.getMessage());
        }
    }

    /** The key {@code kid} names, or null. */
    public PublicKey forKid(String kid) {
        return kid == null ? null : byKid.get(kid);
    }

    public boolean knows(String kid) {
        return kid != null && byKid.containsKey(kid);
    }

    /**
     * JWKS mode: reads the JWKS again unless that was done less than refresh-min-interval ago (then, or in PEM mode,
     * completes at once). Never fails: a failed read keeps the keys known.
     */
    public Uni<Void> refresh() {
        if (!jwks || client == null) {
            return Uni.createFrom().voidItem();
        }
        synchronized (this) {
            if (reading != null) {
                return reading;
            }
            if (lastRead != 0 && System.nanoTime() - lastRead < config.refreshMinInterval().toNanos()) {
                return Uni.createFrom().voidItem();
            }
            lastRead = System.nanoTime();
            reading = read().memoize().indefinitely();
            return reading;
        }
    }

    private Uni<Void> read() {
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(location)
                .setTimeout(config.fetchTimeout().toMillis()).addHeader("Accept", "application/json");
        return Uni.createFrom().completionStage(() -> client.request(request)
                .compose(call -> call.send())
                .compose(response -> response.statusCode() == 200 ? response.body()
                        : Future.failedFuture("HTTP " + response.statusCode()))
                .toCompletionStage())
                .invoke(body -> {
                    Map<String, PublicKey> keys = parseJwks(body.toString(StandardCharsets.UTF_8));
                    if (!keys.keySet().equals(byKid.keySet())) {
                        LOG.infof("Verifying tokens with the key(s) of auth's JWKS: %s", keys.keySet());
                    }
                    byKid = keys;
                })
                .onFailure().invoke(failure -> LOG.warnf("auth's JWKS %s could not be read: %s", location,
                        failure.getMessage()))
                .onFailure().recoverWithNull()
                .onTermination().invoke(() -> {
                    synchronized (this) {
                        reading = null;
                    }
                })
                .replaceWithVoid();
    }

    static Map<String, PublicKey> parseJwks(String json) {
        try {
            Map<String, PublicKey> keys = new HashMap<>();
            for (JsonWebKey jwk : new JsonWebKeySet(json).getJsonWebKeys()) {
                if (jwk instanceof RsaJsonWebKey rsa && (jwk.getUse() == null || jwk.getUse().equals("sig"))) {
                    keys.put(jwk.getKeyId() != null ? jwk.getKeyId() : thumbprint(rsa.getPublicKey()), rsa.getPublicKey());
                }
            }
            return Map.copyOf(keys);
        } catch (JoseException e) {
            throw new IllegalStateException("not a JWKS: " + e.getMessage(), e);
        }
    }

    /** The {@code kid} of a compact JWS's header segment (the part before the first dot), or null. */
    static String keyIdOfHeader(String headerSegment) {
        try {
            byte[] header = Base64.getUrlDecoder().decode(headerSegment);
            Map<String, Object> fields = JsonUtil.parseJson(new String(header, StandardCharsets.UTF_8));
            return fields.get("kid") instanceof String kid ? kid : null;
        } catch (IllegalArgumentException | JoseException e) {
            return null;
        }
    }

    static String thumbprint(PublicKey key) {
        return new RsaJsonWebKey((RSAPublicKey) key).calculateBase64urlEncodedThumbprint("SHA-256");
    }

    private static PublicKey readPem(String file) {
        try {
            String pem = ResourceUtils.readResource(file);
            if (pem == null) {
                throw new IllegalStateException("no such file");
            }
            return KeyUtils.decodePublicKey(pem);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the token public key from '" + file + "' (set JWT_PUBLIC_KEY"
                    + " to RSA PEM file paths, comma-separated, or to auth's JWKS URL): " + e.getMessage(), e);
        }
    }
}
