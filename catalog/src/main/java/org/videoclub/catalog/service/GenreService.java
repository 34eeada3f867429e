package org.videoclub.catalog.service;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.videoclub.catalog.model.Genre;
import org.videoclub.catalog.repository.DatabaseDeadline;
import org.videoclub.catalog.repository.BookRepository;
import org.videoclub.catalog.repository.GenreRepository;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@DatabaseDeadline
public class GenreService {

    private final GenreRepository genres;
    private final BookRepository books;
    private final EntityWrites<Genre, GenreRequest> writes;

    GenreService(GenreRepository genres, BookRepository books, RequestValidator validator, JsonPatches patches) {
        this.genres = genres;
        this.books = books;
        this.writes = new EntityWrites<>("genre", genres, genres::findById, genre -> genre.version, GenreRequest.class,
                genre -> new GenreRequest(genre.name, genre.description), validator, patches);
    }

    @WithSession
    public Uni<PageRequest.Page<Genre>> list(PageRequest page) {
        return genres.page(page.afterId(), page.fetchSize()).map(rows -> page.page(rows, genre -> genre.id));
    }

    @WithSession
    public Uni<Genre> get(long id) {
        return writes.find(id);
    }

    @WithTransaction
    public Uni<Genre> create(GenreRequest request) {
        return writes.create(request, () -> {
            Genre genre = new Genre();
            genre.createdAt = Clock.now();
            return genre;
        }, this::apply);
    }

    @WithTransaction
    public Uni<Genre> replace(long id, Long expectedVersion, GenreRequest request) {
        return writes.replace(id, expectedVersion, request, this::change);
    }

    @WithTransaction
    public Uni<Genre> patch(long id, Long expectedVersion, JsonNode patch) {
        return writes.patch(id, expectedVersion, patch, this::change);
    }

    @WithTransaction
    public Uni<Void> delete(long id, Long expectedVersion) {
        // book_genre rows go with the genre (ON DELETE CASCADE): the genre disappears from its books.
        return writes.delete(id, expectedVersion, genre -> books.markBooksChanged(genre, Clock.now()));
    }

    /** {@link #apply}, and a new name is a change of the genre's books too: their answers show it. */
    private Uni<Genre> change(Genre genre, GenreRequest request) {
        String nameBefore = genre.name;
        return apply(genre, request).call(changed -> changed.name.equals(nameBefore)
                ? Uni.createFrom().voidItem()
                : books.markBooksChanged(changed, changed.updatedAt));
    }

    private Uni<Genre> apply(Genre genre, GenreRequest request) {
        String name = request.name().strip();
        String nameKey = name.toLowerCase(Locale.ROOT);
        return genres.findByNameKey(nameKey).map(same -> {
            if (same != null && !same.id.equals(genre.id)) {
                throw ProblemException.conflict("A genre named '" + same.name + "' already exists (id " + same.id + ").");
            }
            genre.name = name;
            genre.nameKey = nameKey;
            genre.description = request.description();
            genre.updatedAt = Clock.now();
            return genre;
        });
    }
}
