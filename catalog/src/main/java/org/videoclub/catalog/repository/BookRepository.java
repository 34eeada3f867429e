package org.videoclub.catalog.repository;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.videoclub.catalog.model.Book;
import org.videoclub.catalog.model.Genre;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@WithSession
@DatabaseDeadline
@ApplicationScoped
public class BookRepository implements PanacheRepository<Book> {

    public Uni<Book> findWithGenres(long id) {
        // list(), not firstResult(): a row limit on a collection fetch makes Hibernate warn (HHH90003004) on every call.
        return find("select b from Book b left join fetch b.genres where b.id = ?1", id).list()
                .map(books -> books.isEmpty() ? null : books.get(0));
    }

    public Uni<Book> findByIsbn(String isbn) {
        return find("isbn", isbn).firstResult();
    }

    /**
     * Counts a new name or the deletion of {@code genre} as a change of each of its books (a new version, so a new ETag,
     * and {@code updatedAt}): their answers show the genre.
     */
    public Uni<Integer> markBooksChanged(Genre genre, Instant now) {
        return update("version = version + 1, updatedAt = ?1 where ?2 member of genres", now, genre);
    }
}
