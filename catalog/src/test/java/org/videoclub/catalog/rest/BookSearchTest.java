package org.videoclub.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.videoclub.catalog.support.Api.as;
import static org.videoclub.catalog.support.Api.asAdmin;
import static org.videoclub.catalog.support.Api.unique;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.videoclub.catalog.support.Api;
import org.videoclub.catalog.support.Db;
import org.videoclub.catalog.support.Pages;
import org.videoclub.catalog.support.TestTokens;
import org.videoclub.testing.Concurrently;

import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code GET /books?q=} alone is served from the search cache: the same pages as the SQL path, one full-text query per
 * search (counted by the {@code catalog_search_cache_loads_total} metric), and this instance's writes seen at once.
 */
@QuarkusTest
class BookSearchTest {

    private static final int BOOKS = 1500;
    private static final Pattern LOADS = Pattern.compile("(?m)^catalog_search_cache_loads_total(?:\\{[^}]*})? ([0-9.E]+)$");

    @Test
    void pagingThroughASearchGivesExactlyWhatTheSqlPathGives() throws Exception {
        String word = uniqueWord();
        long everyBook = Api.createGenre(unique("Everything"));
        long everyThird = Api.createGenre(unique("Thirds"));
        // word in the title of every second book, as a prefix of the author's name of every fifth; all in everyBook,
        // every third in everyThird
        List<Long> inserted = Db.insertBooks(BOOKS, i -> i % 2 == 0 ? "Volume " + i + " of " + word : "Volume " + i,
                i -> i % 5 == 0 ? "Anne " + word + "son" : "Anne Other",
                i -> i % 3 == 0 ? List.of(everyBook, everyThird) : List.of(everyBook));
        List<Long> matching = new ArrayList<>();
        List<Long> matchingEveryThird = new ArrayList<>();
        for (int i = 0; i < inserted.size(); i++) {
            if (i % 2 == 0 || i % 5 == 0) {
                matching.add(inserted.get(i));
                if (i % 3 == 0) {
                    matchingEveryThird.add(inserted.get(i));
                }
            }
        }
        assertEquals(900, matching.size(), "nine full pages of 100: the last one has no next page");

        long loads = loads();
        assertEquals(matching, Pages.walk("/books?q=" + word + "&limit=100", 100));
        assertEquals(matching, Pages.walk("/books?q=" + word + "&limit=37", 37));
        assertEquals(loads + 1, loads(), "one full-text query for all these pages");

        // q with a genre keeps the SQL path: with a genre holding every book it must give the same pages.
        assertEquals(matching, Pages.walk("/books?q=" + word + "&genre=" + everyBook + "&limit=100", 100));
        assertEquals(matchingEveryThird, Pages.walk("/books?q=" + word + "&genre=" + everyThird + "&limit=100", 100));
    }

    @Test
    void thisInstancesWritesShowInTheVeryNextSearch() {
        String word = uniqueWord();
        long first = Api.createBook("The " + word + " saga", unique("Author"), List.of());
        long other = Api.createBook(unique("Unrelated"), unique("Author"), List.of());
        assertEquals(List.of(first), search(word));

        long second = Api.createBook("Return of " + word, unique("Author"), List.of());
        assertEquals(List.of(first, second), search(word), "created");

        asAdmin().body(Map.of("title", "Renamed")).patch("/books/" + second).then().statusCode(200);
        assertEquals(List.of(first), search(word), "title patched away");

        asAdmin().body(Map.of("author", word + " Smith")).patch("/books/" + other).then().statusCode(200);
        assertEquals(List.of(first, other), search(word), "author patched in");

        Map<String, Object> replacement = new HashMap<>();
        replacement.put("title", "Plain title");
        replacement.put("author", unique("Author"));
        replacement.put("isbn", Api.newIsbn());
        replacement.put("genreIds", List.of());
        asAdmin().body(replacement).put("/books/" + first).then().statusCode(200);
        assertEquals(List.of(other), search(word), "replaced without the word");

        asAdmin().delete("/books/" + other).then().statusCode(204);
        assertEquals(List.of(), search(word), "deleted");
    }

    @Test
    void aBookDeletedThroughAnotherInstanceDoesNotCutAWalkShort() {
        String word = uniqueWord();
        List<Long> books = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            books.add(Api.createBook(word + " volume " + i, unique("Author"), List.of()));
        }
        assertEquals(books, Pages.walk("/books?q=" + word + "&limit=1", 1));

        // Straight in the database, as another catalog instance would: this instance's cache still holds the book.
        Db.execute("DELETE FROM book WHERE id = " + books.get(1));
        books.remove(1);
        assertEquals(books, Pages.walk("/books?q=" + word + "&limit=1", 1));
    }

    @Test
    void concurrentIdenticalFirstSearchesShareOneFullTextQuery() throws Exception {
        String word = uniqueWord();
        List<Long> books = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            books.add(Api.createBook(word + " " + i, unique("Author"), List.of()));
        }
        String token = TestTokens.token("reader");
        long loads = loads();
        List<List<Long>> answers = Concurrently.run(50, () -> given().auth().oauth2(token).queryParam("q", word)
                .get("/books").then().statusCode(200).extract().jsonPath().getList("items.id", Long.class));
        for (List<Long> answer : answers) {
            assertEquals(books, answer);
        }
        assertEquals(loads + 1, loads());
    }

    @Test
    void searchesThatDifferOnlyInCaseShareOneCachedList() throws Exception {
        String word = uniqueWord();
        List<Long> books = List.of(Api.createBook("The " + word, unique("Author"), List.of()),
                Api.createBook(unique("Title"), word + " Smith", List.of()));
        long loads = loads();
        assertEquals(books, search(word));
        assertEquals(books, search(word.toUpperCase(Locale.ROOT)));
        assertEquals(books, search(word.toLowerCase(Locale.ROOT) + " ?!"));
        assertEquals(loads + 1, loads());
    }

    /** A word no other book has, of letters and digits like the words the full-text index holds. */
    private static String uniqueWord() {
        return "Srch" + Long.toString(System.nanoTime(), 36);
    }

    private static List<Long> search(String q) {
        return as("reader").queryParam("q", q).queryParam("limit", 100).get("/books").then().statusCode(200)
                .extract().jsonPath().getList("items.id", Long.class);
    }

    private static long loads() {
        Matcher value = LOADS.matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
        if (!value.find()) {
            throw new AssertionError("no catalog_search_cache_loads_total metric");
        }
        return (long) Double.parseDouble(value.group(1));
    }
}
