package org.videoclub.auth.security;

import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;

import org.videoclub.auth.config.StartupCheck;

import io.quarkus.runtime.Startup;
import io.smallrye.jwt.util.KeyUtils;
import io.smallrye.jwt.util.ResourceUtils;

/**
 * The RSA key pair tokens are signed with, read once at start-up (right after StartupCheck) so that an unreadable key
 * stops the service with a clear message. The key id is the public key's RFC 7638 thumbprint, so tokens and the JWKS always agree.
 */

@Startup(StartupCheck.PRIORITY + 1)
@ApplicationScoped
public class SigningKeys {

    private final PrivateKey privateKey;
    private final String keyId;
    private final Map<String, Object> publicJwk;

    SigningKeys(@ConfigProperty(name = "smallrye.jwt.sign.key.location") String privateKeyConfig,
            @ConfigProperty(name = "mp.jwt.verify.publickey.location") String publicKeyConfig) {
        String privateKeyLocation = privateKeyConfig;
        String publicKeyLocation = publicKeyConfig;
        this.privateKey = read("private", "JWT_PRIVATE_KEY", privateKeyLocation, () -> KeyUtils.decodePrivateKey(pem(privateKeyLocation)));
        RSAPublicKey publicKey = read("public", "JWT_PUBLIC_KEY", publicKeyLocation,
                () -> (RSAPublicKey) KeyUtils.decodePublicKey(pem(publicKeyLocation)));
        RsaJsonWebKey jwk = new RsaJsonWebKey(publicKey);
        this.keyId = jwk.calculateBase64urlEncodedThumbprint("SHA-256");
        jwk.setKeyId(keyId);
        jwk.setAlgorithm("RS256");
        jwk.setUse("sig");
        this.publicJwk = jwk.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public String keyId() {
        return keyId;
    }

    /** The public key as a JWK (kty, n, e, kid, alg, use). */
    public Map<String, Object> publicJwk() {
        return publicJwk;
    }

    /** The PEM text at a file path or classpath location (KeyUtils.read* would look on the classpath only). */
    private static String pem(String location) throws java.io.IOException {
        String pem = ResourceUtils.readResource(location);
        if (pem == null) {
            throw new java.io.FileNotFoundException("no such file");
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
