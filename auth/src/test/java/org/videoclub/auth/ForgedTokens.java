package org.videoclub.auth;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.HmacKey;

import io.smallrye.jwt.util.KeyUtils;
import io.smallrye.jwt.util.ResourceUtils;

/** Tokens made by the tests: well-formed ones with chosen claims, and forgeries. */
public final class ForgedTokens {

    /** kid of the test key pair (src/test/resources/keys). */
    public static final String TEST_KEY_ID = keyId(publicKey());

    private ForgedTokens() {
    }

    /** Claims as auth would issue them for a session; {@code change} adjusts them. */
    public static JwtClaims claims(long userId, String sid, Consumer<JwtClaims> change) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("videoclub-auth");
        claims.setAudience("videoclub");
        claims.setSubject(String.valueOf(userId));
        claims.setClaim("upn", "someone");
        claims.setStringListClaim("groups", List.of("reader"));
        claims.setClaim("sid", sid);
        claims.setGeneratedJwtId();
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(15);
        change.accept(claims);
        return claims;
    }

    /** Signed with the test private key (and its kid), so only the claims can make it invalid. */
    public static String signed(JwtClaims claims) {
        return signed(claims, privateKey(), TEST_KEY_ID);
    }

    /** Signed RS256 with {@code key}, header {@code kid}: a token of another (previous, or unknown) key. */
    public static String signed(JwtClaims claims, PrivateKey key, String kid) {
        return sign(claims, AlgorithmIdentifiers.RSA_USING_SHA256, key, kid);
    }

    /** The RFC 7638 thumbprint of a public key: the kid auth gives it. */
    public static String keyId(PublicKey key) {
        return new RsaJsonWebKey((RSAPublicKey) key).calculateBase64urlEncodedThumbprint("SHA-256");
    }

    /** {@code alg: none}: no signature at all. */
    public static String unsigned(JwtClaims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        try {
            return jws.getCompactSerialization();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** HS256 keyed with the public key's PEM text: the classic algorithm-confusion forgery. */
    public static String hmacWithPublicKey(JwtClaims claims) {
        try {
            byte[] secret = ResourceUtils.readResource("keys/test-public.pem").getBytes(StandardCharsets.UTF_8);
            return sign(claims, AlgorithmIdentifiers.HMAC_SHA256, new HmacKey(secret), TEST_KEY_ID);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid token whose payload was then changed (say, to another role): the signature no longer matches. */
    public static String tampered(String token, String newPayloadJson) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(newPayloadJson.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    public static String payload(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    public static String header(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
    }

    private static String sign(JwtClaims claims, String algorithm, java.security.Key key, String kid) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setKeyIdHeaderValue(kid);
        jws.setKey(key);
        jws.setDoKeyValidation(false);
        try {
            return jws.getCompactSerialization();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static PublicKey publicKey() {
        try {
            return KeyUtils.readPublicKey("keys/test-public.pem");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey privateKey() {
        try {
            return KeyUtils.readPrivateKey("keys/test-private.pem");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
