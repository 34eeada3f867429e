package org.videoclub.auth.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.videoclub.auth.config.AuthConfig;
import org.videoclub.auth.model.AuditEvent;
import org.videoclub.auth.model.AuditEventType;
import org.videoclub.auth.repository.AuditEventRepository;
import org.videoclub.auth.repository.DatabaseDeadline;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Security events (SPEC section 3): recorded in the transaction of the action they tell of, counted per type in
 * the metrics ({@code videoclub_auth_audit_events_total{type=...}}), readable by admins, purged after the retention.
 */
@ApplicationScoped
@DatabaseDeadline
public class AuditService {

    private static final Logger LOG = Logger.getLogger(AuditService.class);

    private final AuditEventRepository events;
    private final AuthConfig config;
    private final MeterRegistry metrics;

    AuditService(AuditEventRepository events, AuthConfig config, MeterRegistry metrics) {
        this.events = events;
        this.config = config;
        this.metrics = metrics;
    }

    /** Records an event as part of the caller's transaction. */
    public Uni<Void> record(AuditEventType type, Long actorId, Long subjectId, Origin origin) {
        AuditEvent event = new AuditEvent();
        event.at = Instant.now();
        event.type = type;
        event.actorId = actorId;
        event.subjectId = subjectId;
        event.requestId = origin.requestId();
        event.client = origin.client();
        return events.persist(event)
                .invoke(() -> metrics.counter("videoclub.auth.audit.events", "type", type.wireName()).increment())
                .replaceWithVoid();
    }

    /** Records an event in a transaction of its own, for an action that writes nothing else. */
    public Uni<Void> recordAlone(AuditEventType type, Long actorId, Long subjectId, Origin origin) {
        return Panache.withTransaction(() -> record(type, actorId, subjectId, origin));
    }

    /** One page, newest first: {@code limit + 1} fetched so the caller can tell whether more follow. */
    public Uni<List<AuditEvent>> list(long beforeId, AuditEventType type, Long userId, int limit) {
        return events.pageBefore(beforeId, type, userId, limit + 1);
    }

    /** Deletes the events older than the retention (AUTH_AUDIT_RETENTION); returns how many. */
    public Uni<Long> purgeExpired() {
        Instant cutoff = Instant.now().minus(config.audit().retention());
        return Panache.withTransaction(() -> events.deleteBefore(cutoff));
    }

    @Scheduled(every = "1h", delay = 1, delayUnit = java.util.concurrent.TimeUnit.MINUTES,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeHourly() {
        return purgeExpired()
                .invoke(deleted -> {
                    if (deleted > 0) {
                        LOG.infof("Purged %d audit events older than %s", deleted, config.audit().retention());
                    }
                })
                .onFailure().invoke(e -> LOG.warnf("Audit purge failed, retried in an hour: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
