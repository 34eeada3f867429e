package org.videoclub.catalog.rest;

import java.util.List;

import jakarta.ws.rs.core.Response;

import org.videoclub.catalog.service.ProblemException;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;

/** Builds problem+json answers, for the exception mappers and for the failures Vert.x answers before the REST layer. */
final class Problems {

    static final String REQUEST_ID = RequestIds.HEADER;

    private Problems() {
    }

    static Problem problem(int status, String detail, List<ProblemException.FieldError> errors, HttpServerRequest request) {
        List<Problem.FieldError> fieldErrors = errors == null ? null
                : errors.stream().map(error -> new Problem.FieldError(error.field(), error.message())).toList();
        return new Problem("about:blank", title(status), status, detail, request == null ? null : request.path(),
                fieldErrors, status >= 500 && request != null ? request.getHeader(REQUEST_ID) : null);
    }

    static Response.ResponseBuilder response(int status, String detail, List<ProblemException.FieldError> errors,
            HttpServerRequest request) {
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem(status, detail, errors, request));
    }

    static String json(Problem problem) {
        return Json.encode(problem);
    }

    static String title(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        if (known != null) {
            return known.getReasonPhrase();
        }
        return switch (status) {
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            default -> "Error";
        };
    }
}
