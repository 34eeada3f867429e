package org.videoclub.auth.rest;

import java.lang.reflect.RecordComponent;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.HibernateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.videoclub.auth.service.ConstraintViolations;
import org.videoclub.auth.repository.DatabaseTimeoutException;
import org.videoclub.auth.service.ProblemException;
import org.videoclub.auth.service.ProblemException.FieldError;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.netty.channel.ConnectTimeoutException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.mysqlclient.MySQLException;
import io.vertx.sqlclient.ClosedConnectionException;

/** Every failure becomes an application/problem+json answer (SPEC section 6). */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** Name of the body parameter of every resource method, so that a missing body is told apart. */
    static final String BODY = "body";

    @ServerExceptionMapper
    public RestResponse<Problem> problem(ProblemException e, UriInfo uri) {
        RestResponse<Problem> response = answer(e.status(), e.getMessage(), e.errors(), uri);
        if (e.retryAfterSeconds() != null) {
            response.getHeaders().putSingle("Retry-After", String.valueOf(e.retryAfterSeconds()));
        }
        return response;
    }

    /** Bean validation: a bad body field is a 422; a bad query or path parameter is a 400. */
    @ServerExceptionMapper
    public RestResponse<Problem> invalid(ConstraintViolationException e, UriInfo uri) {
        boolean bodyFields = false;
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            String field = jsonName(violation.getLeafBean(), field(violation.getPropertyPath()));
            if (field.equals(BODY)) {
                return answer(400, "The request needs a JSON body.", null, uri);
            }
            bodyFields |= isBodyField(violation.getPropertyPath());
            errors.add(new FieldError(field, violation.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        return bodyFields
                ? answer(422, "The request is not valid.", errors, uri)
                : answer(400, "A parameter is not valid.", errors, uri);
    }

    /** A JSON body that does not parse. */
    @ServerExceptionMapper
    public RestResponse<Problem> unparsable(JsonParseException e, UriInfo uri) {
        return answer(400, "The body is not valid JSON: " + e.getOriginalMessage(), null, uri);
    }

    /** JSON that parses but does not fit: wrong types, unknown fields, an empty body. */
    @ServerExceptionMapper({ JsonMappingException.class, MismatchedInputException.class })
    public RestResponse<Problem> unmappable(JsonMappingException e, UriInfo uri) {
        String field = e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse(null);
        if (field == null) {
            return answer(400, "The body is missing or is not the expected JSON object.", null, uri);
        }
        String message = e instanceof UnrecognizedPropertyException ? "is not a known field" : "has the wrong type or value";
        return answer(400, "The body does not have the expected shape.", List.of(new FieldError(field, message)), uri);
    }

    /** No credentials for a protected resource. */
    @ServerExceptionMapper
    public RestResponse<Problem> unauthenticated(UnauthorizedException e, UriInfo uri) {
        RestResponse<Problem> response = answer(401, "Sign in: this needs a bearer access token.", null, uri);
        response.getHeaders().putSingle(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return response;
    }

    /** Credentials that do not hold: bad signature, expired, wrong issuer or audience, revoked session. */
    @ServerExceptionMapper
    public RestResponse<Problem> badToken(AuthenticationFailedException e, UriInfo uri) {
        RestResponse<Problem> response = answer(401, "The access token is invalid, expired or revoked.", null, uri);
        response.getHeaders().putSingle(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        return response;
    }

    @ServerExceptionMapper
    public RestResponse<Problem> forbidden(ForbiddenException e, UriInfo uri) {
        return answer(403, "Your role does not allow this.", null, uri);
    }

    /** JAX-RS's own answers: 404 no such path, 405, 406, 415 and the like. */
    @ServerExceptionMapper
    public RestResponse<Problem> http(WebApplicationException e, UriInfo uri, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonParseException parse) {
            return unparsable(parse, uri);
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            return unmappable(mapping, uri);
        }
        if (status >= 500) {
            return unexpected(e, uri, request);
        }
        RestResponse<Problem> response = answer(status, detail(status), null, uri);
        if (e.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
            response.getHeaders().putSingle(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW));
        }
        return response;
    }

    /**
     * Database failures: unreachable, silent past the deadline or a full pool queue is a 503; a unique key hit by a
     * concurrent write is a 409; the rest a 500.
     */
    @ServerExceptionMapper({ HibernateException.class, MySQLException.class, ClosedConnectionException.class,
            ConnectException.class, ConnectTimeoutException.class, DatabaseTimeoutException.class,
            ConnectionPoolTooBusyException.class })
    public RestResponse<Problem> database(Exception e, UriInfo uri, HttpServerRequest request) {
        if (ConstraintViolations.isViolation(e)) {
            return conflict(uri);
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (isUnavailable(cause)) {
                LOG.warnf("Database unavailable: %s", cause.toString());
                String detail = cause instanceof ConnectionPoolTooBusyException
                        ? "Too many requests are waiting for the database; try again shortly."
                        : "The database is unavailable; try again shortly.";
                RestResponse<Problem> response = answer(503, detail, null, uri);
                response.getHeaders().putSingle("Retry-After", "5");
                return response;
            }
        }
        return unexpected(e, uri, request);
    }

    /** Anything else is a bug: a generic answer with the request id, which the log line carries too. */
    @ServerExceptionMapper
    public RestResponse<Problem> unexpected(Throwable e, UriInfo uri, HttpServerRequest request) {
        if (ConstraintViolations.isViolation(e)) {
            return conflict(uri); // a java.sql.SQLException from Hibernate Reactive, or one wrapped otherwise
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (isUnavailable(cause)) {
                return database(new HibernateException(cause), uri, request);
            }
        }
        String requestId = request.getHeader(RequestIds.HEADER);
        LOG.errorf(e, "Unexpected error, request id %s", requestId);
        return RestResponse.ResponseBuilder
                .create(RestResponse.Status.INTERNAL_SERVER_ERROR, new Problem("about:blank", "Internal Server Error",
                        500, "Something went wrong on our side. Quote the request id when you report it.",
                        uri.getPath(), requestId, null))
                .type(Problem.MEDIA_TYPE)
                .build();
    }

    /** A unique or foreign key hit by a concurrent write, told by the database's error code. */
    private static RestResponse<Problem> conflict(UriInfo uri) {
        return answer(409, "It conflicts with an existing entry, or with a change made at the same time.", null, uri);
    }

    static RestResponse<Problem> answer(int status, String detail, List<FieldError> errors, UriInfo uri) {
        return RestResponse.ResponseBuilder.<Problem> create(status)
                .entity(new Problem("about:blank", reason(status), status, detail, uri.getPath(), null, errors))
                .type(Problem.MEDIA_TYPE)
                .build();
    }

    static String reason(int status) {
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

    private static String detail(int status) {
        return switch (status) {
            case 400 -> "The request is malformed.";
            case 404 -> "There is nothing at this path.";
            case 405 -> "This path does not answer to that method.";
            case 406 -> "This resource answers only with application/json.";
            case 415 -> "Send the body as application/json.";
            default -> "The request could not be served.";
        };
    }

    private static boolean isUnavailable(Throwable cause) {
        return cause instanceof ConnectException || cause instanceof ClosedConnectionException
                || cause instanceof ConnectTimeoutException || cause instanceof DatabaseTimeoutException
                // the pool's wait queue is full, or a wait for a connection passed the deadline
                || cause instanceof ConnectionPoolTooBusyException
                || (cause instanceof VertxException && "Timeout waiting for connection".equals(cause.getMessage()))
                || (cause.getMessage() != null && cause.getMessage().contains("Connection refused"));
    }

    private static boolean isBodyField(Path path) {
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PROPERTY) {
                return true;
            }
        }
        return false;
    }

    /** The field as the caller wrote it in JSON (its @JsonProperty name) rather than the Java name. */
    private static String jsonName(Object bean, String field) {
        if (bean == null || !bean.getClass().isRecord() || field.contains(".")) {
            return field;
        }
        for (RecordComponent component : bean.getClass().getRecordComponents()) {
            JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
            if (component.getName().equals(field) && property != null && !property.value().isEmpty()) {
                return property.value();
            }
        }
        return field;
    }

    /** The field a violation is about: the body's property path, or the parameter name. */
    private static String field(Path path) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.PARAMETER) {
                names.add(node.getName());
            }
        }
        // A body field's path is method.parameter.field: the field is what the caller knows.
        if (names.size() > 1) {
            names.remove(0);
        }
        return String.join(".", names);
    }
}
