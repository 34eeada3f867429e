package org.videoclub.catalog.service;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * PATCH is a JSON merge patch (RFC 7396) of the PUT body: the fields sent replace the current ones, and the result is
 * read and validated exactly like a PUT.
 */
@ApplicationScoped
public class JsonPatches {

    private final ObjectMapper mapper;

    JsonPatches(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public <T> T merge(T current, JsonNode patch, Class<T> type) {
        if (patch == null || !patch.isObject()) {
            throw ProblemException.of(400, "The body is missing or is not the expected JSON object.");
        }
        ObjectNode merged = mapper.valueToTree(current);
        merged.setAll((ObjectNode) patch);
        try {
            return mapper.treeToValue(merged, type);
        } catch (JsonProcessingException e) {
            String field = e instanceof JsonMappingException mapping ? fieldOf(mapping) : "";
            throw ProblemException.badRequest(field,
                    e instanceof UnrecognizedPropertyException ? "is not a known field" : "has the wrong type or value");
        }
    }

    /** The JSON path of the field a mapping error is about ({@code genreIds[1]}), or "" for the whole body. */
    private static String fieldOf(JsonMappingException e) {
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
