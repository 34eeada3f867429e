package org.videoclub.catalog.service;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Bean Validation of request bodies, run by the services (after a PATCH is merged, too), so that every invalid
 * request gets the same 422 with one entry per field.
 */
@ApplicationScoped
public class RequestValidator {

    private final Validator validator;

    RequestValidator(Validator validator) {
        this.validator = validator;
    }

    public <T> T check(T request) {
        if (request == null) {
            throw ProblemException.of(400, "The body is missing or is not the expected JSON object.");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            List<ProblemException.FieldError> errors = violations.stream()
                    .map(violation -> new ProblemException.FieldError(field(violation), violation.getMessage()))
                    .sorted(Comparator.comparing(ProblemException.FieldError::field))
                    .toList();
            throw ProblemException.invalid(errors);
        }
        return request;
    }

    /** {@code genreIds[2].<list element>} becomes {@code genreIds[2]}. */
    private static String field(ConstraintViolation<?> violation) {
        return violation.getPropertyPath().toString().replace(".<list element>", "");
    }
}
