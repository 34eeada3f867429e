package org.videoclub.catalog.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** Direct JDBC access to the catalog schema, to set up bulk data and to check what a request did (or did not) change. */
public final class Db {

    private Db() {
    }

    public static Connection connect() throws SQLException {
        return CatalogDatabase.connect("catalog");
    }

    /**
     * {@code count} books inserted directly, in one transaction (through the API thousands would take minutes): book
     * {@code i} gets {@code title.apply(i)}, {@code author.apply(i)}, a fresh ISBN and the genres {@code genres.apply(i)}.
     * Returns their ids, in insertion (= id) order.
     */
    public static List<Long> insertBooks(int count, IntFunction<String> title, IntFunction<String> author,
            IntFunction<List<Long>> genres) throws SQLException {
        List<Long> ids = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO book (title, author, isbn, created_at,"
                    + " updated_at) VALUES (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
                    PreparedStatement link = connection.prepareStatement("INSERT INTO book_genre (book_id, genre_id) VALUES (?, ?)")) {
                for (int i = 0; i < count; i++) {
                    insert.setString(1, title.apply(i));
                    insert.setString(2, author.apply(i));
                    insert.setString(3, Api.newIsbn());
                    insert.setTimestamp(4, now);
                    insert.setTimestamp(5, now);
                    insert.executeUpdate();
                    long id;
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                    ids.add(id);
                    for (long genre : genres.apply(i)) {
                        link.setLong(1, id);
                        link.setLong(2, genre);
                        link.addBatch();
                    }
                }
                link.executeBatch();
            }
            connection.commit();
        }
        return ids;
    }

    /** The single number {@code sql} selects. */
    public static long number(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void execute(String sql) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A summary of every table that changes whenever any row of any catalog table changes. */
    public static String fingerprint() {
        return "genres " + number("SELECT COUNT(*) FROM genre") + "/" + number("SELECT COALESCE(SUM(version), 0) FROM genre")
                + " books " + number("SELECT COUNT(*) FROM book") + "/" + number("SELECT COALESCE(SUM(version), 0) FROM book")
                + " links " + number("SELECT COUNT(*) FROM book_genre")
                + " items " + number("SELECT COUNT(*) FROM inventory_item") + "/"
                + number("SELECT COALESCE(SUM(version), 0) FROM inventory_item") + "/"
                + number("SELECT COALESCE(SUM(stock), 0) FROM inventory_item");
    }
}
