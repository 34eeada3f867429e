package org.videoclub.catalog.security;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness is DOWN while the revocation list is stale: this instance refuses every protected request then. */
@Readiness
@ApplicationScoped
public class RevocationFreshnessCheck implements HealthCheck {

    private final RevocationList revocations;

    RevocationFreshnessCheck(RevocationList revocations) {
        this.revocations = revocations;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("revocation-feed")
                .status(!revocations.isStale())
                .withData("lastSyncSecondsAgo", revocations.syncAge().toSeconds())
                .withData("synced", revocations.everSynced())
                .withData("revokedSessions", revocations.size())
                .build();
    }
}
