package org.videoclub.catalog.rest;

import org.videoclub.catalog.model.Genre;

import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection
public record GenreResponse(long id, String name, String description, int version) implements VersionedResponse {

    static GenreResponse of(Genre genre) {
        return new GenreResponse(genre.id, genre.name, genre.description, genre.version);
    }
}
