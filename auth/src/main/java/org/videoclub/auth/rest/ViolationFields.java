package org.videoclub.auth.rest;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import org.videoclub.auth.service.ProblemException.FieldError;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The fields bean validation refused, named as the caller wrote them: a body field by its JSON name, a query or path
 * parameter by its own.
 */
record ViolationFields(List<FieldError> errors, boolean inBody, boolean noBody) {

    /** Name of the body parameter of every resource method, so that a missing body is told apart. */
    static final String BODY = "body";

    static ViolationFields of(ConstraintViolationException e) {
        boolean inBody = false;
        boolean noBody = false;
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            String field = jsonName(violation.getLeafBean(), field(violation.getPropertyPath()));
            noBody |= field.equals(BODY);
            inBody |= isBodyField(violation.getPropertyPath());
            errors.add(new FieldError(field, violation.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        return new ViolationFields(errors, inBody, noBody);
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
