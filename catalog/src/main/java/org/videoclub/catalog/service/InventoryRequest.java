package org.videoclub.catalog.service;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.videoclub.catalog.model.Condition;
import org.videoclub.catalog.model.InventoryItem;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Body of POST and PUT /inventory (PATCH sends any subset of it). */
@RegisterForReflection
public record InventoryRequest(
        @NotNull Long bookId,
        @NotNull Condition condition,
        @Schema(description = "Decimal with at most two places, as a string", example = "10.99")
        @NotNull @Pattern(regexp = "(0|[1-9][0-9]{0,7})(\\.[0-9]{1,2})?", message = "must be a decimal >= 0 with at most two places, as a string such as \"10.99\"") String price,
        @NotNull @Min(0) @Max(InventoryItem.MAX_STOCK) Integer stock) {
}
