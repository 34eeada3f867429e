package org.videoclub.catalog.security;

import java.security.PublicKey;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Verifies a token with the public key its {@code kid} names (several are valid during a key rotation), every other
 * check (issuer, audience, expiry, skew) left to smallrye-jwt's parser. A token whose kid is missing or unknown is
 * refused: smallrye-jwt's own configuration holds a single key, or a JWKS it re-reads only every few minutes.
 */
final class KeySelectingParser extends DelegatingJwtParser {

    private final JWTParser delegate;
    private final VerificationKeys keys;

    KeySelectingParser(JWTParser delegate, VerificationKeys keys) {
        this.delegate = delegate;
        this.keys = keys;
    }

    @Override
    JWTParser delegate() {
        return delegate;
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
}
