package org.videoclub.auth.model;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A security event. It names accounts by id and carries no password or token. */
@Entity
@Table(name = "audit_events")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public Instant at;

    @Convert(converter = AuditEventTypeConverter.class)
    @Column(nullable = false, length = 40)
    public AuditEventType type;

    /** Who did it; null for an anonymous caller or the service itself. */
    @Column(name = "actor_id")
    public Long actorId;

    /** The account it concerns; null when no account is known (a login for an unknown username). */
    @Column(name = "subject_id")
    public Long subjectId;

    @Column(name = "request_id", length = 64)
    public String requestId;

    /** The caller's address. */
    @Column(length = 64)
    public String client;
}
