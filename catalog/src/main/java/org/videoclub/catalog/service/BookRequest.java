package org.videoclub.catalog.service;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Body of POST and PUT /books (PATCH sends any subset of it). */
@RegisterForReflection
public record BookRequest(
        @NotBlank @Size(max = 255) String title,
        @NotBlank @Size(max = 255) String author,
        @Schema(description = "ISBN-10 or ISBN-13, hyphens and spaces allowed; stored as ISBN-13", example = "978-0-441-17271-9")
        @NotBlank @Size(max = 20) String isbn,
        @Min(1) @Max(9999) Integer publishedYear,
        @Size(max = 4000) String description,
        @Size(max = 50) List<@NotNull Long> genreIds) {
}
