package org.videoclub.catalog.repository;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The ids of books matching list filters, in native SQL (the full-text search, MATCH ... AGAINST, has no HQL form), run
 * on the reactive pool directly rather than as Hibernate native queries: Hibernate 7.2 keys its cache of native-query
 * plans on a result-mapping instance that is new on every call, so each call added an entry with the same hash and
 * every lookup compared against all of them (the largest single cost of catalog's list pages in a profile, growing
 * with the cache). Deliberately without {@code @WithSession}: a Hibernate Reactive session holds a connection of the
 * same pool, and waiting for a second one while holding it exhausts the pool under load. Callers run these before
 * opening a session.
 */
@ApplicationScoped
public class BookIdQueries {

    private final Pool pool;

    BookIdQueries(Pool pool) {
        this.pool = pool;
    }

    /**
     * Ids of up to {@code size} books matching {@code filter} with an id above {@code afterId}, in id order. Every filter
     * but the full-text one walks an index ending in id.
     */
    public Uni<List<Long>> pageIds(BookFilter filter, long afterId, int size) {
        StringBuilder sql = new StringBuilder("SELECT b.id FROM book b WHERE b.id > ?");
        List<Object> parameters = new ArrayList<>();
        parameters.add(afterId);
        if (filter.fullTextQuery() != null) {
            sql.append(" AND MATCH (b.title, b.author) AGAINST (? IN BOOLEAN MODE)");
            parameters.add(filter.fullTextQuery());
        }
        if (filter.genreId() != null) {
            sql.append(" AND b.id IN (SELECT bg.book_id FROM book_genre bg WHERE bg.genre_id = ?)");
            parameters.add(filter.genreId());
        }
        if (filter.genreNameKey() != null) {
            sql.append(" AND b.id IN (SELECT bg.book_id FROM book_genre bg JOIN genre g ON g.id = bg.genre_id"
                    + " WHERE g.name_key = ?)");
            parameters.add(filter.genreNameKey());
        }
        if (filter.author() != null) {
            sql.append(" AND b.author = ?");
            parameters.add(filter.author());
        }
        if (filter.isbn() != null) {
            sql.append(" AND b.isbn = ?");
            parameters.add(filter.isbn());
        }
        sql.append(" ORDER BY b.id LIMIT ").append(size);
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(parameters)).map(rows -> {
            List<Long> ids = new ArrayList<>(rows.size());
            for (Row row : rows) {
                ids.add(row.getLong(0));
            }
            return ids;
        });
    }

    /**
     * Ids of up to {@code limit} books matching the full-text {@code expression}, sorted. No ORDER BY: MariaDB would
     * materialise and filesort every match for it (the cost this list is cached to avoid), and sorting ids here is
     * cheaper; with a limit below the number of matches the ids are an arbitrary subset.
     */
    public Uni<long[]> fullTextIds(String expression, int limit) {
        return pool.preparedQuery("SELECT b.id FROM book b WHERE MATCH (b.title, b.author) AGAINST (? IN BOOLEAN MODE)"
                + " LIMIT " + limit).execute(Tuple.of(expression)).map(BookIdQueries::sortedIds);
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
