package org.videoclub.catalog.security;

import java.security.PrivateKey;
import java.security.PublicKey;

import javax.crypto.SecretKey;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Verifies a token with the public key its {@code kid} names (several are valid during a key rotation), every other
 * check (issuer, audience, expiry, skew) left to smallrye-jwt's parser. A token whose kid is missing or unknown is
 * refused: smallrye-jwt's own configuration holds a single key, or a JWKS it re-reads only every few minutes.
 */
final class KeySelectingParser implements JWTParser {

    private final JWTParser delegate;
    private final VerificationKeys keys;

    KeySelectingParser(JWTParser delegate, VerificationKeys keys) {
        this.delegate = delegate;
        this.keys = keys;
    }

    @Override
    public JsonWebToken parse(String bearerToken) throws ParseException {
        int dot = bearerToken == null ? -1 : bearerToken.indexOf('.');
        PublicKey key = dot <= 0 ? null : keys.forKid(VerificationKeys.keyIdOfHeader(bearerToken.substring(0, dot)));
        if (key == null) {
            throw new ParseException("The token's key id names no known key");
        }
        return delegate.verify(bearerToken, key);
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
