package org.videoclub.catalog.service;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.videoclub.catalog.model.Book;
import org.videoclub.catalog.model.Genre;
import org.videoclub.catalog.repository.DatabaseDeadline;
import org.videoclub.catalog.repository.BookQueries;
import org.videoclub.catalog.repository.BookRepository;
import org.videoclub.catalog.repository.GenreRepository;
import org.videoclub.catalog.repository.InventoryRepository;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** One book: read, created, replaced, patched, deleted. The lists and searches of books are {@link BookListing}'s. */
@ApplicationScoped
@DatabaseDeadline
public class BookService {

    private final BookRepository books;
    private final BookQueries bookQueries;
    private final GenreRepository genres;
    private final InventoryRepository inventory;
    private final RequestValidator validator;
    private final JsonPatches patches;
    private final SearchCache searches;

    BookService(BookRepository books, BookQueries bookQueries, GenreRepository genres, InventoryRepository inventory,
            RequestValidator validator, JsonPatches patches, SearchCache searches) {
        this.books = books;
        this.bookQueries = bookQueries;
        this.genres = genres;
        this.inventory = inventory;
        this.validator = validator;
        this.patches = patches;
        this.searches = searches;
    }

    /** The book {@code id}, read on the pool ({@link BookQueries}); 404 when there is none. */
    public Uni<Book> get(long id) {
        return bookQueries.findWithGenres(id).onItem().ifNull().failWith(() -> notFound(id));
    }

    public Uni<Book> create(BookRequest request) {
        return inTransactionThenForgetSearches(() -> Uni.createFrom().item(() -> validator.check(request))
                .chain(valid -> {
                    Book book = new Book();
                    book.createdAt = Clock.now();
                    return apply(book, valid).chain(books::persist);
                })
                .call(books::flush));
    }

    public Uni<Book> replace(long id, Long expectedVersion, BookRequest request) {
        return inTransactionThenForgetSearches(() -> Uni.createFrom().item(() -> validator.check(request))
                .chain(valid -> findForChange(id, expectedVersion).chain(book -> apply(book, valid)))
                .call(books::flush));
    }

    public Uni<Book> patch(long id, Long expectedVersion, JsonNode patch) {
        return inTransactionThenForgetSearches(() -> findForChange(id, expectedVersion)
                .chain(book -> {
                    BookRequest current = new BookRequest(book.title, book.author, book.isbn, book.publishedYear,
                            book.description, book.genres.stream().map(genre -> genre.id).toList());
                    return apply(book, validator.check(patches.merge(current, patch, BookRequest.class)));
                })
                .call(books::flush));
    }

    public Uni<Void> delete(long id, Long expectedVersion) {
        return inTransactionThenForgetSearches(() -> findForChange(id, expectedVersion)
                .call(book -> inventory.existsForBook(id).invoke(hasInventory -> {
                    if (hasInventory) {
                        throw ProblemException.conflict("Book " + id + " still has inventory items; delete them first.");
                    }
                }))
                .chain(books::delete));
    }

    /**
     * Runs a book write in a transaction, then clears the search cache, so that the writer's next search sees the
     * change. After the commit, not inside the transaction: a search running in between would cache the old matches
     * again. After a failure too, as a lost answer to COMMIT leaves the outcome unknown. Every book write clears it, not
     * only those changing title or author: it costs each search one full-text query, and writes are rare next to reads.
     */
    private <T> Uni<T> inTransactionThenForgetSearches(Supplier<Uni<T>> work) {
        return Panache.withTransaction(work).onTermination().invoke(searches::invalidate);
    }

    /** The book to change, loaded in the session of the write, checked against {@code If-Match}. */
    private Uni<Book> findForChange(long id, Long expectedVersion) {
        return books.findWithGenres(id).onItem().ifNull().failWith(() -> notFound(id))
                .invoke(book -> Versions.check(expectedVersion, book.version));
    }

    private static ProblemException notFound(long id) {
        return ProblemException.notFound("There is no book " + id + ".");
    }

    private Uni<Book> apply(Book book, BookRequest request) {
        String isbn = Isbn.normalise(request.isbn());
        if (isbn == null) {
            return Uni.createFrom().failure(ProblemException.invalid("isbn", "is not a valid ISBN-10 or ISBN-13 (check digit included)"));
        }
        Set<Long> genreIds = request.genreIds() == null ? Set.of() : new LinkedHashSet<>(request.genreIds());
        return books.findByIsbn(isbn)
                .invoke(same -> {
                    if (same != null && !same.id.equals(book.id)) {
                        throw ProblemException.conflict("A book with ISBN " + isbn + " already exists (id " + same.id + ").");
                    }
                })
                .chain(() -> genreIds.isEmpty() ? Uni.createFrom().item(List.<Genre>of()) : genres.findByIds(genreIds))
                .map(found -> {
                    if (found.size() != genreIds.size()) {
                        Set<Long> known = found.stream().map(genre -> genre.id).collect(Collectors.toSet());
                        List<Long> unknown = genreIds.stream().filter(genreId -> !known.contains(genreId)).toList();
                        throw ProblemException.invalid("genreIds", "unknown genre ids: " + unknown);
                    }
                    book.title = request.title().strip();
                    book.author = request.author().strip();
                    book.isbn = isbn;
                    book.publishedYear = request.publishedYear();
                    book.description = request.description();
                    if (!book.genres.equals(new LinkedHashSet<>(found))) {
                        book.genres.clear();
                        book.genres.addAll(found);
                    }
                    book.updatedAt = Clock.now();
                    return book;
                });
    }
}
