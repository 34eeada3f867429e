package org.videoclub.auth.security;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Map;

import javax.crypto.SecretKey;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * The token parser smallrye-jwt uses in auth: verifies each token with the key its {@code kid} names among
 * {@link SigningKeys} (the signing key and the previous ones), with every other check (issuer, audience, expiry, skew)
 * unchanged. smallrye-jwt's own configuration holds one verification key only, which would refuse the tokens of the
 * previous key right after a rotation. A token without a known kid is refused.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class KeyedJwtParser implements JWTParser {

    private final JWTParser delegate;
    private final SigningKeys keys;

    @Inject
    KeyedJwtParser(JWTAuthContextInfo authContextInfo, JWTCallerPrincipalFactory principalFactory, SigningKeys keys) {
        // the same two objects smallrye-jwt's own DefaultJWTParser bean is given
        this.delegate = new DefaultJWTParser(authContextInfo, principalFactory);
        this.keys = keys;
    }

    @Override
    public JsonWebToken parse(String bearerToken) throws ParseException {
        PublicKey key = keys.verificationKey(keyId(bearerToken));
        if (key == null) {
            throw new ParseException("The token's key id is not one of auth's keys");
        }
        return delegate.verify(bearerToken, key);
    }

    /** The {@code kid} of a compact JWS's header, or null when there is none or the header does not parse. */
    static String keyId(String bearerToken) {
        int dot = bearerToken == null ? -1 : bearerToken.indexOf('.');
        if (dot <= 0) {
            return null;
        }
        try {
            byte[] header = Base64.getUrlDecoder().decode(bearerToken.substring(0, dot));
            Map<String, Object> fields = JsonUtil.parseJson(new String(header, StandardCharsets.UTF_8));
            return fields.get("kid") instanceof String kid ? kid : null;
        } catch (IllegalArgumentException | JoseException e) {
            return null;
        }
    }

    @Override
    public JsonWebToken parse(String bearerToken, JWTAuthContextInfo newAuthContextInfo) throws ParseException {
        return delegate.parse(bearerToken, newAuthContextInfo);
    }

    @Override
    public JsonWebToken verify(String bearerToken, PublicKey key) throws ParseException {
        return delegate.verify(bearerToken, key);
    }

    @Override
    public JsonWebToken verify(String bearerToken, SecretKey key) throws ParseException {
        return delegate.verify(bearerToken, key);
    }

    @Override
    public JsonWebToken verify(String bearerToken, String secret) throws ParseException {
        return delegate.verify(bearerToken, secret);
    }

    @Override
    public JsonWebToken decrypt(String bearerToken, PrivateKey key) throws ParseException {
        return delegate.decrypt(bearerToken, key);
    }

    @Override
    public JsonWebToken decrypt(String bearerToken, SecretKey key) throws ParseException {
        return delegate.decrypt(bearerToken, key);
    }

    @Override
    public JsonWebToken decrypt(String bearerToken, String secret) throws ParseException {
        return delegate.decrypt(bearerToken, secret);
    }

    @Override
    public JsonWebToken parseOnly(String bearerToken) throws ParseException {
        return delegate.parseOnly(bearerToken);
    }
}
