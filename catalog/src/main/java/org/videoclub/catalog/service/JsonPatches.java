package org.videoclub.catalog.service;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

/**
 * PATCH is a JSON merge patch (RFC 7396) of the PUT body: the fields sent replace the current ones, and the result is
 * read and validated exactly like a PUT. A result that does not fit fails with Jackson's own exception, so that the
 * REST layer answers it as it answers a PUT body of the same shape.
 */
@ApplicationScoped
public class JsonPatches {

    private final ObjectMapper mapper;

    JsonPatches(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public <T> Uni<T> merge(T current, JsonNode patch, Class<T> type) {
        if (patch == null || !patch.isObject()) {
            return Uni.createFrom().failure(MismatchedInputException.from(null, type, "a merge patch is a JSON object"));
        }
        ObjectNode merged = mapper.valueToTree(current);
        merged.setAll((ObjectNode) patch);
        try {
            return Uni.createFrom().item(mapper.treeToValue(merged, type));
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
    }
}
