package org.videoclub.catalog.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** An RFC 9457 problem detail, the body of every error answer (SPEC section 6). */
@Schema(name = "Problem")
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors,
        String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** A parameter or body field that does not fit, and why. */
    public record FieldError(String field, String message) {
    }
}
