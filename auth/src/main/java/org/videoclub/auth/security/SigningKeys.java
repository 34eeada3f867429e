package org.videoclub.auth.security;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;

import org.videoclub.auth.config.AuthConfig;
import org.videoclub.auth.config.StartupCheck;

import io.quarkus.runtime.Startup;
import io.smallrye.jwt.util.KeyUtils;
import io.smallrye.jwt.util.ResourceUtils;

/**
 * The RSA keys of the tokens, read once at start-up (right after StartupCheck) so that an unreadable key stops the
 * service with a clear message. Tokens are signed with the newest key (JWT_PRIVATE_KEY, its public half
 * JWT_PUBLIC_KEY); the public keys of earlier ones (JWT_PREVIOUS_PUBLIC_KEYS, comma-separated PEM paths) are still
 * published in the JWKS and accepted, so that tokens they signed keep working until they expire (key rotation,
 * deploy/rotate-keys.sh). Each key id is the public key's RFC 7638 thumbprint, so tokens and the JWKS always agree.
 */
@Startup(StartupCheck.PRIORITY + 1)
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);

    private final PrivateKey privateKey;
    private final String keyId;
    /** kid -> public key, the signing key's first. */
    private final Map<String, PublicKey> verificationKeys = new LinkedHashMap<>();
    private final List<Map<String, Object>> publicJwks = new ArrayList<>();

    SigningKeys(@ConfigProperty(name = "smallrye.jwt.sign.key.location") String privateKeyLocation,
            @ConfigProperty(name = "mp.jwt.verify.publickey.location") String publicKeyLocation,
            AuthConfig config) {
        this.privateKey = read("private", "JWT_PRIVATE_KEY", privateKeyLocation,
                () -> KeyUtils.decodePrivateKey(pem(privateKeyLocation)));
        RSAPublicKey publicKey = publicKey("JWT_PUBLIC_KEY", publicKeyLocation);
        if (privateKey instanceof RSAPrivateCrtKey crt && !crt.getModulus().equals(publicKey.getModulus())) {
            throw new IllegalStateException("JWT_PUBLIC_KEY '" + publicKeyLocation + "' is not the public half of"
                    + " JWT_PRIVATE_KEY '" + privateKeyLocation + "'");
        }
        this.keyId = add(publicKey);
        for (String location : config.token().previousPublicKeys().orElse(List.of())) {
            if (!location.isBlank()) {
                add(publicKey("JWT_PREVIOUS_PUBLIC_KEYS", location.strip()));
            }
        }
        LOG.infof("Signing tokens with key %s; also accepting and publishing %d previous key(s) %s", keyId,
                verificationKeys.size() - 1, verificationKeys.keySet().stream().skip(1).toList());
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    /** kid of the key tokens are signed with. */
    public String keyId() {
        return keyId;
    }

    /** The public key of {@code kid} (the signing key's or a previous one's), or null. */
    public PublicKey verificationKey(String kid) {
        return kid == null ? null : verificationKeys.get(kid);
    }

    /** Every public key as a JWK (kty, n, e, kid, alg, use), the signing key's first. */
    public List<Map<String, Object>> publicJwks() {
        return publicJwks;
    }

    private String add(RSAPublicKey publicKey) {
        RsaJsonWebKey jwk = new RsaJsonWebKey(publicKey);
        String kid = jwk.calculateBase64urlEncodedThumbprint("SHA-256");
        if (verificationKeys.putIfAbsent(kid, publicKey) == null) {
            jwk.setKeyId(kid);
            jwk.setAlgorithm("RS256");
            jwk.setUse("sig");
            publicJwks.add(jwk.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        }
        return kid;
    }

    private static RSAPublicKey publicKey(String variable, String location) {
        return read("public", variable, location, () -> (RSAPublicKey) KeyUtils.decodePublicKey(pem(location)));
    }

    /** The PEM text at a file path or classpath location (KeyUtils.read* would look on the classpath only). */
    private static String pem(String location) throws IOException {
        String pem = ResourceUtils.readResource(location);
        if (pem == null) {
            throw new FileNotFoundException("no such file");
        }
        return pem;
    }

    private interface KeyReader<K> {
        K read() throws Exception;
    }

    private static <K> K read(String which, String variable, String location, KeyReader<K> reader) {
        try {
            K key = reader.read();
            if (key == null) {
                throw new IllegalStateException("no PEM key found");
            }
            return key;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the token " + which + " key from '" + location + "' (set "
                    + variable + " to the path of an RSA PEM file): " + e.getMessage(), e);
        }
    }
}
