package org.videoclub.catalog.support;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

import io.smallrye.jwt.util.KeyUtils;
import io.smallrye.jwt.util.ResourceUtils;

/** Access tokens as auth signs them (with the test key), and the forged ones an attacker would try. */
public final class TestTokens {

    public static final String ISSUER = "videoclub-auth";
    public static final String AUDIENCE = "videoclub";

    private static final PrivateKey PRIVATE_KEY;
    private static final String PUBLIC_KEY_PEM;
    /** The test public key, and its kid: the RFC 7638 thumbprint, as auth computes it. */
    public static final PublicKey PUBLIC_KEY;
    public static final String KEY_ID;

    static {
        try {
            PRIVATE_KEY = KeyUtils.readPrivateKey("keys/test-private.pem");
            PUBLIC_KEY_PEM = ResourceUtils.readResource("keys/test-public.pem");
            PUBLIC_KEY = KeyUtils.decodePublicKey(PUBLIC_KEY_PEM);
            KEY_ID = keyId(PUBLIC_KEY);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the test keys", e);
        }
    }

    private TestTokens() {
    }

    public static String keyId(PublicKey key) {
        return new RsaJsonWebKey((RSAPublicKey) key).calculateBase64urlEncodedThumbprint("SHA-256");
    }

    /** A JWKS as auth publishes it: each key with its thumbprint as kid. */
    public static String jwks(PublicKey... keys) {
        JsonWebKeySet set = new JsonWebKeySet();
        for (PublicKey key : keys) {
            RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) key);
            jwk.setKeyId(keyId(key));
            jwk.setUse("sig");
            jwk.setAlgorithm("RS256");
            set.addJsonWebKey(jwk);
        }
        return set.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    /** RS256 with {@code key} and header {@code kid}: a token of another key (a rotated one, an unknown one). */
    public static String sign(JwtClaims claims, PrivateKey key, String kid) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        jws.setKeyIdHeaderValue(kid);
        return serialize(jws);
    }

    /** Claims of a good token for {@code role} in session {@code sid}. */
    public static JwtClaims claims(String role, String sid) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setSubject("42");
        claims.setClaim("upn", role + "-user");
        claims.setStringListClaim("groups", List.of(role));
        claims.setClaim("sid", sid);
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAtToNow();
        claims.setExpirationTime(NumericDate.fromSeconds(Instant.now().plusSeconds(900).getEpochSecond()));
        return claims;
    }

    public static String newSessionId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 22);
    }

    public static String token(String role) {
        return sign(claims(role, newSessionId()));
    }

    public static String token(String role, String sid) {
        return sign(claims(role, sid));
    }

    /** RS256 with the test private key, as auth signs. */
    public static String sign(JwtClaims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(PRIVATE_KEY);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        jws.setKeyIdHeaderValue(KEY_ID);
        return serialize(jws);
    }

    /** An unsigned token ({@code alg: none}). */
    public static String unsigned(JwtClaims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        return serialize(jws);
    }

    /** HS256 keyed with the public key's PEM text: the classic algorithm-confusion forgery. */
    public static String hmacWithPublicKey(JwtClaims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(new HmacKey(PUBLIC_KEY_PEM.getBytes(StandardCharsets.UTF_8)));
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setDoKeyValidation(false);
        return serialize(jws);
    }

    /** A genuinely signed token whose payload was then replaced by {@code claims} (signature left as it was). */
    public static String tampered(String signedToken, JwtClaims claims) {
        String[] parts = signedToken.split("\\.");
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(claims.toJson().getBytes(StandardCharsets.UTF_8));
        return parts[0] + "." + payload + "." + parts[2];
    }

    private static String serialize(JsonWebSignature jws) {
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
