package org.videoclub.catalog.repository;

import jakarta.enterprise.context.ApplicationScoped;

import org.videoclub.catalog.model.Book;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@WithSession
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
}
