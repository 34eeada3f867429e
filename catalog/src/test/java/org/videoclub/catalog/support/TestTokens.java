package org.videoclub.catalog.support;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

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

    static {
        try {
            PRIVATE_KEY = KeyUtils.readPrivateKey("keys/test-private.pem");
            PUBLIC_KEY_PEM = ResourceUtils.readResource("keys/test-public.pem");
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the test keys", e);
        }
    }

    private TestTokens() {
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
