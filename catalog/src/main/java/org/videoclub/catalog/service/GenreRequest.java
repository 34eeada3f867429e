package org.videoclub.catalog.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Body of POST and PUT /genres (PATCH sends any subset of it). */
@RegisterForReflection
public record GenreRequest(
        @NotBlank @Size(max = 100) String name,
        @Size(max = 1000) String description) {
}
