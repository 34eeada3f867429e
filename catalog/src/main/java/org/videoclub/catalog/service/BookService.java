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
    private final SearchCache searches;
    private final EntityWrites<Book, BookRequest> writes;

    BookService(BookRepository books, BookQueries bookQueries, GenreRepository genres, InventoryRepository inventory,
            RequestValidator validator, JsonPatches patches, SearchCache searches) {
        this.books = books;
        this.bookQueries = bookQueries;
        this.genres = genres;
        this.inventory = inventory;
        this.searches = searches;
        // the book to change is loaded in the session of the write
        this.writes = new EntityWrites<>("book", books, books::findWithGenres, book -> book.version, BookRequest.class,
                book -> new BookRequest(book.title, book.author, book.isbn, book.publishedYear, book.description,
                        book.genres.stream().map(genre -> genre.id).toList()),
                validator, patches);
    }

    /** The book {@code id}, read on the pool ({@link BookQueries}); 404 when there is none. */
    public Uni<Book> get(long id) {
        return bookQueries.findWithGenres(id).onItem().ifNull().failWith(() -> writes.notFound(id));
    }

    public Uni<Book> create(BookRequest request) {
        return inTransactionThenForgetSearches(() -> writes.create(request, () -> {
            Book book = new Book();
            book.createdAt = Clock.now();
            return book;
        }, this::apply));
    }

    public Uni<Book> replace(long id, Long expectedVersion, BookRequest request) {
        return inTransactionThenForgetSearches(() -> writes.replace(id, expectedVersion, request, this::apply));
    }

    public Uni<Book> patch(long id, Long expectedVersion, JsonNode patch) {
        return inTransactionThenForgetSearches(() -> writes.patch(id, expectedVersion, patch, this::apply));
    }

    public Uni<Void> delete(long id, Long expectedVersion) {
        return inTransactionThenForgetSearches(() -> writes.delete(id, expectedVersion,
                book -> inventory.existsForBook(id).invoke(hasInventory -> {
                    if (hasInventory) {
                        throw ProblemException.conflict("Book " + id + " still has inventory items; delete them first.");
                    }
                })));
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
