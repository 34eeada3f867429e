package org.videoclub.auth.security;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.videoclub.auth.config.AuthConfig;
import org.videoclub.auth.model.User;

import io.smallrye.jwt.build.Jwt;

/** Signs access tokens (RS256, claims of SPEC section 5). */
@ApplicationScoped
public class TokenIssuer {

    private final SigningKeys keys;
    private final AuthConfig.Token config;

    TokenIssuer(SigningKeys keys, AuthConfig config) {
        this.keys = keys;
        this.config = config.token();
    }

    public String accessToken(User user, String sessionId, Instant issuedAt, Instant expiresAt) {
        return Jwt.issuer(config.issuer())
                .audience(config.audience())
                .subject(String.valueOf(user.id))
                .upn(user.username)
                .groups(Set.of(user.role.name()))
                .claim("sid", sessionId)
                .claim("jti", UUID.randomUUID().toString())
                .issuedAt(issuedAt)
                .expiresAt(expiresAt)
                .jws()
                .keyId(keys.keyId())
                .algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256)
                .sign(keys.privateKey());
    }
}
