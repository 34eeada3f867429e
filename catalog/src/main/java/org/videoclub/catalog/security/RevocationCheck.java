package org.videoclub.catalog.security;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * After smallrye-jwt has checked a token's signature, issuer, audience and expiry, refuses it when its session is
 * revoked, and refuses every token while the revocation list is stale (fail closed). Reads memory only: nothing on the
 * request path waits on auth. Runs on every request, also when the token comes from {@link CachingJwtParser}'s cache.
 */
@ApplicationScoped
public class RevocationCheck implements SecurityIdentityAugmentor {

    private final RevocationList revocations;

    RevocationCheck(RevocationList revocations) {
        this.revocations = revocations;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        if (revocations.isStale()) {
            return Uni.createFrom().failure(new RevocationStateUnknownException());
        }
        String sessionId = token.getClaim("sid");
        if (sessionId == null) {
            return Uni.createFrom().failure(new AuthenticationFailedException("token without a session"));
        }
        if (revocations.isRevoked(sessionId)) {
            return Uni.createFrom().failure(new AuthenticationFailedException("session revoked"));
        }
        return Uni.createFrom().item(identity);
    }
}
