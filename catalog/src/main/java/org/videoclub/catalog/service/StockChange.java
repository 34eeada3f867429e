package org.videoclub.catalog.service;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Body of POST /inventory/{id}/stock: a sale is -1, a delivery of n copies +n. */
@RegisterForReflection
public record StockChange(
        @Schema(example = "-1") @NotNull @Min(-1_000_000) @Max(1_000_000) Integer delta) {
}
