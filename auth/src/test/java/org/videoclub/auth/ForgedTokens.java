package org.videoclub.auth;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.HmacKey;

import io.smallrye.jwt.util.KeyUtils;
import io.smallrye.jwt.util.ResourceUtils;

/** Tokens made by the tests: well-formed ones with chosen claims, and forgeries. */
public final class ForgedTokens {

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

    /** Signed with the test private key, so only the claims can make it invalid. */
    public static String signed(JwtClaims claims) {
        return sign(claims, AlgorithmIdentifiers.RSA_USING_SHA256, privateKey());
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
            return sign(claims, AlgorithmIdentifiers.HMAC_SHA256, new HmacKey(secret));
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

    private static String sign(JwtClaims claims, String algorithm, java.security.Key key) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setKey(key);
        jws.setDoKeyValidation(false);
        try {
            return jws.getCompactSerialization();
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
