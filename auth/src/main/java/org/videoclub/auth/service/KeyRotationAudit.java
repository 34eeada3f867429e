package org.videoclub.auth.service;

import java.time.Instant;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.videoclub.auth.config.StartupCheck;
import org.videoclub.auth.model.AuditEventType;
import org.videoclub.auth.repository.DatabaseDeadline;
import org.videoclub.auth.repository.SigningKeyRepository;
import org.videoclub.auth.security.SigningKeys;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * Records the key-rotation audit event: at start-up, the signing key's kid is remembered, and a kid not seen before
 * while others were is a rotation (deploy/rotate-keys.sh, then a restart). The insert decides, so of several
 * instances starting with the new key one records the event.
 */
@ApplicationScoped
@DatabaseDeadline
public class KeyRotationAudit {

    private static final Logger LOG = Logger.getLogger(KeyRotationAudit.class);

    private final SigningKeyRepository keys;
    private final AuditService audit;

    KeyRotationAudit(SigningKeyRepository keys, AuditService audit) {
        this.keys = keys;
        this.audit = audit;
    }

    /** After the schema migration (StartupCheck.PRIORITY + 2). */
    void onStart(@Observes @Priority(StartupCheck.PRIORITY + 3) StartupEvent event, SigningKeys signingKeys)
            throws Throwable {
        if (VertxContextSupport.subscribeAndAwait(() -> signingWith(signingKeys.keyId()))) {
            LOG.infof("Signing key rotated: tokens are now signed with key %s (audit event key.rotated)",
                    signingKeys.keyId());
        }
    }

    /** Remembers that {@code kid} signs tokens; true when that is a rotation, which is then in the audit. */
    public Uni<Boolean> signingWith(String kid) {
        return Panache.withTransaction(() -> keys.recordFirstUse(kid, Instant.now())
                .flatMap(inserted -> inserted ? keys.othersKnown(kid) : Uni.createFrom().item(false))
                .flatMap(rotated -> rotated
                        ? audit.record(AuditEventType.KEY_ROTATED, null, null, Origin.SYSTEM)
                                .replaceWith(true)
                        : Uni.createFrom().item(false)));
    }
}
