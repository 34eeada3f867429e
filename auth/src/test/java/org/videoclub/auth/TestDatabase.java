package org.videoclub.auth;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.videoclub.testing.MariaDbTestResource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Registers the embedded MariaDB for every test of the module, and reads the auth schema directly. */
@WithTestResource(value = MariaDbTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "auth"))
public final class TestDatabase {

    private TestDatabase() {
    }

    public static long count(String table) {
        return number("SELECT COUNT(*) FROM " + table);
    }

    public static long number(String query) {
        try (Connection connection = connect(); Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void execute(String statement) {
        try (Connection connection = connect(); Statement sql = connection.createStatement()) {
            sql.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fingerprint of every auth table, to show that a refused request changed nothing. */
    public static String snapshot() {
        StringBuilder state = new StringBuilder();
        for (String table : new String[] { "users", "sessions", "refresh_tokens", "revocations", "login_throttle" }) {
            state.append(table).append('=').append(number("SELECT COUNT(*) FROM " + table));
            state.append('/').append(checksum(table)).append(' ');
        }
        return state.toString();
    }

    private static long checksum(String table) {
        try (Connection connection = connect(); Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("CHECKSUM TABLE " + table)) {
            rows.next();
            return rows.getLong(2);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect() throws SQLException {
        return MariaDbTestResource.server().connect("auth", MariaDbTestResource.APP_USER, MariaDbTestResource.APP_PASSWORD);
    }
}
