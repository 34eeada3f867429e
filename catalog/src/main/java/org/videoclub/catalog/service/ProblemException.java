package org.videoclub.catalog.service;

import java.util.List;

/**
 * A failure the caller can act on, with the HTTP status and the detail of its problem+json answer
 * (rendered by {@code rest.ProblemMappers}).
 */
public class ProblemException extends RuntimeException {

    public record FieldError(String field, String message) {
    }

    private final int status;
    private final List<FieldError> errors;

    private ProblemException(int status, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.errors = errors;
    }

    public static ProblemException of(int status, String detail) {
        return new ProblemException(status, detail, null);
    }

    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(400, "The request is malformed.", List.of(new FieldError(field, message)));
    }

    public static ProblemException notFound(String detail) {
        return of(404, detail);
    }

    public static ProblemException conflict(String detail) {
        return of(409, detail);
    }

    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(422, "The request is not valid.", errors);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public int status() {
        return status;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
