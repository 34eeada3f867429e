package org.videoclub.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.videoclub.catalog.support.Api;
import org.videoclub.catalog.support.Db;
import org.videoclub.catalog.support.Pages;
import org.videoclub.catalog.support.TestTokens;
import org.videoclub.testing.Concurrently;

import io.quarkus.test.junit.QuarkusTest;

/** Walking long lists page by page visits every row exactly once, in id order. */
@QuarkusTest
class PaginationTest {

    private static final int BOOKS = 3000;

    @Test
    void walkingThousandsOfBooksHasNoDuplicatesNorGaps() throws Exception {
        String author = Api.unique("Prolific");
        long genre = Api.createGenre(Api.unique("Paged"));
        List<Long> inserted = Db.insertBooks(BOOKS, i -> "Volume " + i, i -> author,
                i -> i % 3 == 0 ? List.of(genre) : List.of());

        assertEquals(inserted, Pages.walk("/books?author=" + author.replace(" ", "%20") + "&limit=100", 100));
        assertEquals(inserted, Pages.walk("/books?author=" + author.replace(" ", "%20") + "&limit=37", 37));
        List<Long> inGenre = new ArrayList<>();
        for (int i = 0; i < inserted.size(); i += 3) {
            inGenre.add(inserted.get(i));
        }
        assertEquals(inGenre, Pages.walk("/books?genre=" + genre + "&limit=100", 100));
    }

    /**
     * Three times as many concurrent list requests as the pool has connections (16): each must get its page. A list
     * that waited for a second connection while its session held one starved the pool (timeouts, 500).
     */
    @Test
    void moreConcurrentListRequestsThanDatabaseConnectionsAllGetTheirPage() throws Exception {
        String author = Api.unique("Busy");
        List<Long> books = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            books.add(Api.createBook(Api.unique("Busy book"), author, List.of()));
        }
        String token = TestTokens.token("reader");
        List<List<Long>> answers = Concurrently.run(48, () -> given().auth().oauth2(token).queryParam("author", author)
                .get("/books").then().statusCode(200).extract().jsonPath().getList("items.id", Long.class));
        for (List<Long> answer : answers) {
            assertEquals(books, answer);
        }
    }

    @Test
    void walkingInventoryWithFilters() throws Exception {
        long book = Api.createBook();
        List<Long> all = new ArrayList<>();
        List<Long> stocked = new ArrayList<>();
        try (Connection connection = Db.connect();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO inventory_item (book_id, item_condition,"
                        + " price, stock, created_at, updated_at) VALUES (?, 'USED', 1.50, ?, NOW(6), NOW(6))",
                        Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < 450; i++) {
                insert.setLong(1, book);
                insert.setInt(2, i % 2);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    all.add(keys.getLong(1));
                    if (i % 2 == 1) {
                        stocked.add(keys.getLong(1));
                    }
                }
            }
        }
        assertEquals(all, Pages.walk("/inventory?bookId=" + book + "&limit=100", 100));
        assertEquals(stocked, Pages.walk("/inventory?bookId=" + book + "&inStock=true&limit=50", 50));
    }
}
