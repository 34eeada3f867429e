package org.videoclub.catalog.rest;

import java.time.Instant;
import java.util.List;

import org.videoclub.catalog.model.Book;

import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection
public record BookResponse(long id, String title, String author, String isbn, Integer publishedYear, String description,
        List<GenreRef> genres, Instant createdAt, Instant updatedAt, int version) implements VersionedResponse {

    public record GenreRef(long id, String name) {
    }

    static BookResponse of(Book book) {
        return new BookResponse(book.id, book.title, book.author, book.isbn, book.publishedYear, book.description,
                book.genres.stream().map(genre -> new GenreRef(genre.id, genre.name)).toList(),
                book.createdAt, book.updatedAt, book.version);
    }
}
