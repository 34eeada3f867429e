package org.videoclub.catalog.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Direct JDBC access to the catalog schema, to set up bulk data and to check what a request did (or did not) change. */
public final class Db {

    private Db() {
    }

    public static Connection connect() throws SQLException {
        return CatalogDatabase.connect("catalog");
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
