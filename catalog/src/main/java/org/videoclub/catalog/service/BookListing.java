package org.videoclub.catalog.service;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.videoclub.catalog.model.Book;
import org.videoclub.catalog.repository.BookFilter;
import org.videoclub.catalog.repository.BookQueries;
import org.videoclub.catalog.repository.DatabaseDeadline;

import io.smallrye.mutiny.Uni;

/**
 * The pages of books that a list or a search asks for, from the search cache or from SQL. One book's reads and writes
 * are {@link BookService}'s.
 */
@ApplicationScoped
@DatabaseDeadline
public class BookListing {

    private final BookQueries bookQueries;
    private final SearchCache searches;

    BookListing(BookQueries bookQueries, SearchCache searches) {
        this.bookQueries = bookQueries;
        this.searches = searches;
    }

    /**
     * A search by {@code q} alone pages through the cached ids of all its matches ({@link SearchCache}). With genre,
     * author or isbn as well it keeps the SQL path: each combination would need its own cached list, for searches that
     * are rarer. So does a search matching too many books to cache, and every search when the cache is disabled.
     * Read on the pool, without a Hibernate session ({@link BookQueries}).
     */
    public Uni<PageRequest.Page<Book>> list(BookSearch search, PageRequest page) {
        BookFilter filter = filter(search);
        if (!filter.fullTextOnly()) {
            return sqlPage(filter, page);
        }
        String expression = filter.fullTextQuery();
        return searches.ids(expression, limit -> bookQueries.fullTextIds(expression, limit))
                .chain(ids -> ids == null ? sqlPage(filter, page) : cachedPage(ids, filter, page));
    }

    /**
     * Every word is required and may be a prefix (MariaDB's boolean mode); the words carry no operator, as rest kept
     * letters and digits only.
     */
    private static BookFilter filter(BookSearch search) {
        String fullText = search.words() == null ? null
                : search.words().stream().map(word -> "+" + word + "*").collect(Collectors.joining(" "));
        return new BookFilter(fullText, search.genreId(), search.genreName(), search.author(), search.isbn());
    }

    private Uni<PageRequest.Page<Book>> sqlPage(BookFilter filter, PageRequest page) {
        return bookQueries.page(filter, page.afterId(), page.fetchSize()).map(rows -> page.page(rows, book -> book.id));
    }

    private Uni<PageRequest.Page<Book>> cachedPage(long[] matches, BookFilter filter, PageRequest page) {
        List<Long> ids = SearchCache.page(matches, page.afterId(), page.fetchSize());
        return bookQueries.findWithGenres(ids).chain(rows -> {
            if (rows.size() == ids.size()) {
                return Uni.createFrom().item(page.page(rows, book -> book.id));
            }
            // A cached book is gone: another catalog instance deleted it (this one clears the cache on its own
            // deletes). A short page would end the walk early; drop the stale lists and answer from SQL.
            searches.invalidate();
            return sqlPage(filter, page);
        });
    }
}
