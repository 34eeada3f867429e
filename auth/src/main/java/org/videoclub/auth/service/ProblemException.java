package org.videoclub.auth.service;

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
    private final Long retryAfterSeconds;

    private ProblemException(int status, String detail, List<FieldError> errors, Long retryAfterSeconds) {
        super(detail, null, false, false);
        this.status = status;
        this.errors = errors;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ProblemException of(int status, String detail) {
        return new ProblemException(status, detail, null, null);
    }

    /** A malformed parameter or field, named in {@code errors[]} (the same 400 body in auth and catalog). */
    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(400, "The request is malformed.", List.of(new FieldError(field, message)), null);
    }

    public static ProblemException unauthorized(String detail) {
        return of(401, detail);
    }

    public static ProblemException forbidden(String detail) {
        return of(403, detail);
    }

    public static ProblemException notFound(String detail) {
        return of(404, detail);
    }

    public static ProblemException conflict(String detail) {
        return of(409, detail);
    }

    public static ProblemException preconditionFailed(String detail) {
        return of(412, detail);
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(422, "The request is not valid.", List.of(new FieldError(field, message)), null);
    }

    public static ProblemException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ProblemException(429, detail, null, retryAfterSeconds);
    }

    /** 503: a resource is exhausted for now; the caller may retry after {@code retryAfterSeconds}. */
    public static ProblemException unavailable(String detail, long retryAfterSeconds) {
        return new ProblemException(503, detail, null, retryAfterSeconds);
    }

    public int status() {
        return status;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
