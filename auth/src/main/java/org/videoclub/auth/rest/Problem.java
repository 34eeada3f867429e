package org.videoclub.auth.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.videoclub.auth.service.ProblemException.FieldError;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem detail, the body of every error answer. */
@Schema(name = "Problem")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String requestId,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
