package org.videoclub.catalog.rest;

import java.util.List;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestResponse;
import org.videoclub.catalog.service.ProblemException;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;

/**
 * Builds the problem+json answers, the same in auth and catalog: for the exception mappers, and for the failures
 * Vert.x answers before the REST layer ({@link RouteFailures}).
 */
final class Problems {

    /** The detail of every 500: what went wrong stays in the log, under the request id the answer carries. */
    static final String UNEXPECTED = "Something went wrong on our side; quote the requestId when you report it.";

    private Problems() {
    }

    static RestResponse.ResponseBuilder<Problem> answer(int status, String detail, HttpServerRequest request) {
        return answer(status, detail, null, request);
    }

    static RestResponse.ResponseBuilder<Problem> answer(int status, String detail,
            List<ProblemException.FieldError> errors, HttpServerRequest request) {
        return RestResponse.ResponseBuilder.<Problem> create(status).entity(problem(status, detail, errors, request))
                .type(Problem.MEDIA_TYPE);
    }

    /** A 503 the caller may retry a few seconds later. */
    static RestResponse<Problem> unavailable(String detail, HttpServerRequest request) {
        return answer(503, detail, request).header("Retry-After", "5").build();
    }

    /** The request id goes into the answers of the server's own failures, so that an operator finds the log line. */
    static Problem problem(int status, String detail, List<ProblemException.FieldError> errors,
            HttpServerRequest request) {
        List<Problem.FieldError> fieldErrors = errors == null ? null
                : errors.stream().map(error -> new Problem.FieldError(error.field(), error.message())).toList();
        return new Problem("about:blank", title(status), status, detail, request == null ? null : request.path(),
                fieldErrors, status >= 500 && request != null ? request.getHeader(RequestIds.HEADER) : null);
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

    /** The detail of the statuses JAX-RS and Vert.x answer by themselves. */
    static String detail(int status) {
        return switch (status) {
            case 400 -> "The request is malformed.";
            case 404 -> "There is nothing at this path.";
            case 405 -> "This path does not answer to that method.";
            case 406 -> "This resource answers only with application/json.";
            case 415 -> "Send the body as application/json.";
            default -> status >= 500 ? UNEXPECTED : "The request could not be served.";
        };
    }
}
