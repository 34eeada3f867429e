package org.videoclub.auth.security;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.videoclub.auth.repository.SessionRepository;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * auth refuses the access tokens of a revoked session at once: after the signature and expiry checks, the session
 * is looked up in the database.
 */
@ApplicationScoped
public class RevokedSessionCheck implements SecurityIdentityAugmentor {

    private final SessionRepository sessions;

    RevokedSessionCheck(SessionRepository sessions) {
        this.sessions = sessions;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        String sessionId = token.getClaim("sid");
        if (sessionId == null) {
            return Uni.createFrom().failure(new AuthenticationFailedException("token without a session"));
        }
        return sessions.isRevoked(sessionId).map(revoked -> {
            if (revoked) {
                throw new AuthenticationFailedException("session revoked");
            }
            return identity;
        });
    }
}
