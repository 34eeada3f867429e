package org.videoclub.catalog.repository;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.videoclub.catalog.model.Book;
import org.videoclub.catalog.model.Genre;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The reads of books, in SQL on the reactive pool rather than through Hibernate Reactive: a book with its genres is one
 * query either way, but a session, a persistence context and entity hydration around it cost more than the query
 * (with this and the prepared-statement cache, GET /books/{id} went from about 2,100 to 3,200 requests/s and a list
 * page from 830 to 1,800 in the benchmark; deploy/bench/README.md). The books returned are detached {@link Book}s, for
 * reading only; writes load theirs in a session ({@link BookRepository}).
 * <p>
 * The full-text search (MATCH ... AGAINST) has no HQL form anyway, and Hibernate 7.2's cache of native-query plans
 * is keyed on a result-mapping instance that is new on every call, so each call added an entry with the same hash.
 * <p>
 * Deliberately without {@code @WithSession}: a session holds a connection of the same pool, and waiting for a second
 * one while holding it exhausts the pool under load.
 */
@ApplicationScoped
@DatabaseDeadline
public class BookQueries {

    private static final String BOOK_WITH_GENRES = "SELECT b.id, b.title, b.author, b.isbn, b.published_year,"
            + " b.description, b.created_at, b.updated_at, b.version, g.id, g.name FROM ";
    private static final String GENRES_OF_B = " LEFT JOIN book_genre bg ON bg.book_id = b.id"
            + " LEFT JOIN genre g ON g.id = bg.genre_id ";

    private static final Comparator<Row> BY_BOOK_THEN_GENRE = Comparator.<Row> comparingLong(row -> row.getLong(0))
            .thenComparing(row -> row.getLong(9), Comparator.nullsFirst(Comparator.naturalOrder()));

    private final Pool pool;

    BookQueries(Pool pool) {
        this.pool = pool;
    }

    /** The book {@code id} with its genres, or null. */
    public Uni<Book> findWithGenres(long id) {
        return pool.preparedQuery(BOOK_WITH_GENRES + "book b" + GENRES_OF_B + "WHERE b.id = ?")
                .execute(Tuple.of(id))
                .map(rows -> {
                    List<Book> books = books(rows);
                    return books.isEmpty() ? null : books.get(0);
                });
    }

    /** The books of {@code ids} with their genres, in id order (ids not found are left out). */
    public Uni<List<Book>> findWithGenres(List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String placeholders = String.join(", ", Collections.nCopies(ids.size(), "?"));
        return pool.preparedQuery(BOOK_WITH_GENRES + "book b" + GENRES_OF_B + "WHERE b.id IN (" + placeholders
                + ")").execute(Tuple.from(ids)).map(BookQueries::books);
    }

    /**
     * Up to {@code size} books matching {@code filter} with an id above {@code afterId}, in id order, with their genres,
     * in one query: the ids first (every filter but the full-text one walks an index ending in id), then their rows.
     */
    public Uni<List<Book>> page(BookFilter filter, long afterId, int size) {
        StringBuilder ids = new StringBuilder("SELECT b.id FROM book b WHERE b.id > ?");
        List<Object> parameters = new ArrayList<>();
        parameters.add(afterId);
        and(ids, parameters, "MATCH (b.title, b.author) AGAINST (? IN BOOLEAN MODE)", filter.fullTextQuery());
        and(ids, parameters, "b.id IN (SELECT bg.book_id FROM book_genre bg WHERE bg.genre_id = ?)", filter.genreId());
        and(ids, parameters, "b.id IN (SELECT bg.book_id FROM book_genre bg JOIN genre g ON g.id = bg.genre_id"
                + " WHERE g.name_key = ?)", filter.genreNameKey());
        and(ids, parameters, "b.author = ?", filter.author());
        and(ids, parameters, "b.isbn = ?", filter.isbn());
        ids.append(" ORDER BY b.id LIMIT ").append(size);
        String sql = BOOK_WITH_GENRES + "(" + ids + ") page JOIN book b ON b.id = page.id" + GENRES_OF_B;
        return pool.preparedQuery(sql).execute(Tuple.from(parameters)).map(BookQueries::books);
    }

    /** Adds {@code condition}, whose one parameter is {@code value}, when the filter has a value for it. */
    private static void and(StringBuilder sql, List<Object> parameters, String condition, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            parameters.add(value);
        }
    }

    /**
     * Ids of up to {@code limit} books matching the full-text {@code expression}, sorted. No ORDER BY: MariaDB would
     * materialise and filesort every match for it (the cost this list is cached to avoid), and sorting ids here is
     * cheaper; with a limit below the number of matches the ids are an arbitrary subset.
     */
    public Uni<long[]> fullTextIds(String expression, int limit) {
        return pool.preparedQuery("SELECT b.id FROM book b WHERE MATCH (b.title, b.author) AGAINST (? IN BOOLEAN MODE)"
                + " LIMIT " + limit).execute(Tuple.of(expression)).map(BookQueries::sortedIds);
    }

    /**
     * Rows of {@link #BOOK_WITH_GENRES}, one per book and genre: one book per id, in id order, genres in id order. The
     * rows are sorted here rather than by an ORDER BY, which costs MariaDB a temporary table and a sort on every query.
     */
    private static List<Book> books(RowSet<Row> rows) {
        List<Row> sorted = new ArrayList<>(rows.size());
        rows.forEach(sorted::add);
        sorted.sort(BY_BOOK_THEN_GENRE);
        List<Book> books = new ArrayList<>();
        Book book = null;
        for (Row row : sorted) {
            long id = row.getLong(0);
            if (book == null || book.id != id) {
                book = new Book();
                book.id = id;
                book.title = row.getString(1);
                book.author = row.getString(2);
                book.isbn = row.getString(3);
                book.publishedYear = row.getInteger(4);
                book.description = row.getString(5);
                // DATETIME columns hold UTC (quarkus.hibernate-orm.jdbc.timezone=UTC, as Hibernate writes them).
                book.createdAt = row.getLocalDateTime(6).toInstant(ZoneOffset.UTC);
                book.updatedAt = row.getLocalDateTime(7).toInstant(ZoneOffset.UTC);
                book.version = row.getInteger(8);
                books.add(book);
            }
            Long genreId = row.getLong(9);
            if (genreId != null) {
                Genre genre = new Genre();
                genre.id = genreId;
                genre.name = row.getString(10);
                book.genres.add(genre);
            }
        }
        return books;
    }

    private static long[] sortedIds(RowSet<Row> rows) {
        long[] ids = new long[rows.size()];
        int i = 0;
        for (Row row : rows) {
            ids[i++] = row.getLong(0);
        }
        Arrays.sort(ids);
        return ids;
    }
}
