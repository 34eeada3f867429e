package org.videoclub.auth.model;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores an event type by its wire name, so the table reads like the API. */
@Converter
public class AuditEventTypeConverter implements AttributeConverter<AuditEventType, String> {

    @Override
    public String convertToDatabaseColumn(AuditEventType type) {
        return type == null ? null : type.wireName();
    }

    @Override
    public AuditEventType convertToEntityAttribute(String wireName) {
        return wireName == null ? null : AuditEventType.of(wireName);
    }
}
