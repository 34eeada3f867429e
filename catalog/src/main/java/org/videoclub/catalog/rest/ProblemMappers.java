package org.videoclub.catalog.rest;

import java.util.List;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.videoclub.catalog.service.ProblemException;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.vertx.core.http.HttpServerRequest;

/**
 * The answers to a request that does not fit, the same in auth and catalog (SPEC sections 6 and 8): the service's own
 * refusals, a body or parameter of the wrong shape, and what JAX-RS refuses by itself (405, 406, 415).
 */
public class ProblemMappers {

    /** The 400 of a body that is absent, or JSON of another shape than an object. */
    static final String NOT_AN_OBJECT = "The body is missing or is not the expected JSON object.";

    @ServerExceptionMapper
    public RestResponse<Problem> problem(ProblemException e, HttpServerRequest request) {
        return answer(e, request);
    }

    /** Bean validation: a bad body field is a 422; a bad parameter, a 400 (SPEC section 8). */
    @ServerExceptionMapper
    public RestResponse<Problem> invalid(ConstraintViolationException e, HttpServerRequest request) {
        ViolationFields fields = ViolationFields.of(e);
        if (fields.noBody()) {
            return Problems.answer(400, NOT_AN_OBJECT, request).build();
        }
        return fields.inBody()
                ? Problems.answer(422, "The request is not valid.", fields.errors(), request).build()
                : Problems.answer(400, Problems.detail(400), fields.errors(), request).build();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unparsable(JsonParseException e, HttpServerRequest request) {
        return Problems.answer(400, "The body is not valid JSON: " + e.getOriginalMessage(), request).build();
    }

    /** JSON that parses but does not fit: an unknown field, a value of the wrong type, an array for an object. */
    @ServerExceptionMapper({ JsonMappingException.class, MismatchedInputException.class })
    public RestResponse<Problem> unmappable(JsonMappingException e, HttpServerRequest request) {
        String field = fieldOf(e);
        if (field.isEmpty()) {
            return Problems.answer(400, NOT_AN_OBJECT, request).build();
        }
        String message = e instanceof UnrecognizedPropertyException ? "is not a known field" : "has the wrong type or value";
        return Problems.answer(400, Problems.detail(400), List.of(new ProblemException.FieldError(field, message)),
                request).build();
    }

    /** JAX-RS's own refusals: 405, 406, 415, and a body it could not read. */
    @ServerExceptionMapper
    public RestResponse<Problem> http(WebApplicationException e, HttpServerRequest request) {
        if (e.getCause() instanceof JsonParseException parse) {
            return unparsable(parse, request);
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            return unmappable(mapping, request);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return ServerProblemMappers.answer(e, request);
        }
        RestResponse.ResponseBuilder<Problem> answer = Problems.answer(status, Problems.detail(status), request);
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        return allow == null ? answer.build() : answer.header(HttpHeaders.ALLOW, allow).build();
    }

    static RestResponse<Problem> answer(ProblemException e, HttpServerRequest request) {
        return Problems.answer(e.status(), e.getMessage(), e.errors(), request).build();
    }

    /** The JSON path of the field a mapping error is about ({@code genreIds[1]}), or "" for the whole body. */
    static String fieldOf(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
