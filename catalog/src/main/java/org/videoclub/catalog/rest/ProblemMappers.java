package org.videoclub.catalog.rest;

import java.net.ConnectException;
import java.util.List;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.videoclub.catalog.repository.DatabaseTimeoutException;
import org.videoclub.catalog.security.RevocationStateUnknownException;
import org.videoclub.catalog.service.JsonPatches;
import org.videoclub.catalog.service.ProblemException;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpServerRequest;

/** Every failure becomes application/problem+json (SPEC section 6); stack traces, SQL and class names stay in the log. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String INVALID_TOKEN = "Bearer error=\"invalid_token\"";

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        return Problems.response(e.status(), e.getMessage(), e.errors(), request).build();
    }

    @ServerExceptionMapper
    public Response invalidToken(AuthenticationFailedException e, HttpServerRequest request) {
        if (e.getCause() instanceof RevocationStateUnknownException unknown) {
            return revocationStateUnknown(unknown, request);
        }
        return Problems.response(401, "The access token is not valid: it is malformed, forged, expired or revoked.", null, request)
                .header(HttpHeaders.WWW_AUTHENTICATE, INVALID_TOKEN).build();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpServerRequest request) {
        boolean tokenSent = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        return Problems.response(401, tokenSent ? "The access token is not valid." : "Sign in: this needs a bearer access token.",
                null, request).header(HttpHeaders.WWW_AUTHENTICATE, tokenSent ? INVALID_TOKEN : "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return Problems.response(403, "Your role may not do this: changes need the editor or admin role.", null, request).build();
    }

    @ServerExceptionMapper
    public Response revocationStateUnknown(RevocationStateUnknownException e, HttpServerRequest request) {
        return Problems.response(503, e.getMessage() + " Retry later.", null, request).header("Retry-After", "5").build();
    }

    @ServerExceptionMapper({ JsonProcessingException.class, JsonMappingException.class, JsonParseException.class,
            MismatchedInputException.class })
    public Response unreadableJson(JsonProcessingException e, HttpServerRequest request) {
        if (e instanceof JsonMappingException mapping && !(e instanceof JsonParseException) && !mapping.getPath().isEmpty()) {
            return Problems.response(400, "The request body has a field of the wrong type or an unknown field.",
                    List.of(new ProblemException.FieldError(JsonPatches.fieldOf(mapping),
                            "has the wrong type or is not a field of this resource")),
                    request).build();
        }
        return Problems.response(400, "The request body is not well-formed JSON of the expected shape.", null, request).build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, HttpServerRequest request) {
        List<ProblemException.FieldError> errors = e.getConstraintViolations().stream()
                .map(violation -> new ProblemException.FieldError(violation.getPropertyPath().toString(), violation.getMessage()))
                .toList();
        return Problems.response(422, "The request is not valid.", errors, request).build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpServerRequest request) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            return unexpected(e, request);
        }
        Response.ResponseBuilder answer = Problems.response(status, detail(status), null, request);
        if (original.getHeaderString(HttpHeaders.ALLOW) != null) {
            answer.header(HttpHeaders.ALLOW, original.getHeaderString(HttpHeaders.ALLOW));
        }
        return answer.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String name = cause.getClass().getName();
            if (cause instanceof ProblemException problem) {
                return problem(problem, request);
            }
            if (cause instanceof RevocationStateUnknownException unknown) {
                return revocationStateUnknown(unknown, request);
            }
            if (ConstraintViolations.isViolation(cause)) {
                // A unique key or foreign key raced with another request between our check and the write; told by
                // the database's error code, whichever exception carries it.
                return Problems.response(409, "The change conflicts with a concurrent one (duplicate value or a"
                        + " reference that changed); read the data again and retry.", null, request).build();
            }
            if (name.equals("org.hibernate.StaleObjectStateException") || name.equals("jakarta.persistence.OptimisticLockException")) {
                return Problems.response(409, "The resource was changed by someone else meanwhile; read it again and retry.",
                        null, request).build();
            }
            if (cause instanceof ConnectionPoolTooBusyException) {
                LOG.warnf("Database pool queue full (request %s): %s", request.getHeader(Problems.REQUEST_ID), cause.getMessage());
                return Problems.response(503, "Too many requests are waiting for the database; retry shortly.", null, request)
                        .header("Retry-After", "5").build();
            }
            if (cause instanceof ConnectException || name.equals("io.vertx.sqlclient.ClosedConnectionException")
                    || name.equals("io.netty.channel.ConnectTimeoutException") || cause instanceof DatabaseTimeoutException
                    // a wait for a pool connection passed the deadline
                    || (cause instanceof VertxException && "Timeout waiting for connection".equals(cause.getMessage()))) {
                LOG.warnf("Database unavailable (request %s): %s", request.getHeader(Problems.REQUEST_ID), cause.getMessage());
                return Problems.response(503, "The database is not available; retry shortly.", null, request)
                        .header("Retry-After", "5").build();
            }
        }
        LOG.errorf(e, "Unexpected failure of %s %s (request %s)", request.method(), request.path(),
                request.getHeader(Problems.REQUEST_ID));
        return Problems.response(500, "Unexpected error; report the requestId to the operators.", null, request).build();
    }

    static String detail(int status) {
        return switch (status) {
            case 400 -> "The request is malformed.";
            case 404 -> "There is no such resource.";
            case 405 -> "This method is not allowed on this resource.";
            case 406 -> "This resource answers application/json only.";
            case 413 -> "The request body is larger than 64 KiB.";
            case 415 -> "The request body must be application/json.";
            default -> Problems.title(status);
        };
    }
}
