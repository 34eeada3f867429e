package org.videoclub.catalog.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.videoclub.catalog.support.Api.as;
import static org.videoclub.catalog.support.Api.asAdmin;
import static org.videoclub.catalog.support.Api.assertProblem;
import static org.videoclub.catalog.support.Api.unique;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.videoclub.catalog.support.Api;
import org.videoclub.catalog.support.Db;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class BookResourceTest {

    private static Map<String, Object> book(String isbn, List<Long> genreIds) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", unique("Dune"));
        body.put("author", unique("Frank Herbert"));
        body.put("isbn", isbn);
        body.put("publishedYear", 1965);
        body.put("description", "Spice");
        body.put("genreIds", genreIds);
        return body;
    }

    @Test
    void createReadUpdateDelete() {
        long scifi = Api.createGenre(unique("SF"));
        long classic = Api.createGenre(unique("Classic"));
        String isbn = Api.newIsbn();
        Response created = as("editor").body(book(isbn, List.of(scifi, classic, scifi))).post("/books/");
        created.then().statusCode(201).header("ETag", "\"0\"")
                .body("isbn", equalTo(isbn)).body("publishedYear", equalTo(1965))
                .body("genres.id", equalTo(List.of((int) scifi, (int) classic)))
                .body("genres[0].name", notNullValue())
                .body("createdAt", notNullValue()).body("updatedAt", notNullValue()).body("version", equalTo(0));
        long id = created.jsonPath().getLong("id");
        assertEquals(true, created.header("Location").endsWith("/books/" + id));

        // Reads come from SQL (BookQueries), writes from Hibernate: the same book must look the same in both.
        as("reader").get("/books/" + id).then().statusCode(200).header("ETag", "\"0\"")
                .body("", equalTo(created.jsonPath().getMap("")));

        Map<String, Object> replacement = book(Api.newIsbn(), List.of(classic));
        replacement.remove("description");
        as("admin").header("If-Match", "\"0\"").body(replacement).put("/books/" + id + "/").then().statusCode(200)
                .header("ETag", "\"1\"").body("genres.id", equalTo(List.of((int) classic)))
                .body("description", equalTo(null));

        Response patched = as("editor").body(Map.of("genreIds", List.of(), "publishedYear", 1966)).patch("/books/" + id);
        patched.then().statusCode(200)
                .body("genres.size()", equalTo(0)).body("publishedYear", equalTo(1966))
                .body("title", equalTo(replacement.get("title")));
        as("reader").get("/books/" + id).then().statusCode(200).header("ETag", "\"2\"")
                .body("", equalTo(patched.jsonPath().getMap("")));

        as("editor").delete("/books/" + id).then().statusCode(204);
        assertProblem(as("reader").get("/books/" + id), 404);
        assertEquals(0, Db.number("SELECT COUNT(*) FROM book_genre WHERE book_id = ?", id));
    }

    @Test
    void isbnsAreCheckedNormalisedAndUnique() {
        // 0-306-40615-2 is a valid ISBN-10; its ISBN-13 is 9780306406157.
        Db.execute("DELETE FROM inventory_item WHERE book_id IN (SELECT id FROM book WHERE isbn = '9780306406157')");
        Db.execute("DELETE FROM book WHERE isbn = '9780306406157'");
        Response created = asAdmin().body(book("0-306-40615-2", List.of())).post("/books");
        created.then().statusCode(201).body("isbn", equalTo("9780306406157"));
        assertProblem(asAdmin().body(book("978-0-306-40615-7", List.of())).post("/books"), 409);
        as("reader").queryParam("isbn", "0306406152").get("/books").then().statusCode(200)
                .body("items.id", equalTo(List.of(created.jsonPath().getInt("id"))));

        String before = Db.fingerprint();
        for (String bad : List.of("0-306-40615-3", "9780306406158", "123", "97803064061570", "abcdefghij", "X306406152")) {
            assertProblem(asAdmin().body(book(bad, List.of())).post("/books"), 422).then().body("errors[0].field", equalTo("isbn"));
        }
        assertEquals(before, Db.fingerprint());
    }

    @Test
    void unknownGenresAndInvalidFieldsAre422() {
        String before = Db.fingerprint();
        assertProblem(asAdmin().body(book(Api.newIsbn(), List.of(987654321L))).post("/books"), 422)
                .then().body("errors[0].field", equalTo("genreIds"));
        Map<String, Object> noTitle = book(Api.newIsbn(), List.of());
        noTitle.remove("title");
        noTitle.put("author", " ");
        noTitle.put("publishedYear", 0);
        assertProblem(asAdmin().body(noTitle).post("/books"), 422)
                .then().body("errors.field", equalTo(List.of("author", "publishedYear", "title")));
        Map<String, Object> huge = book(Api.newIsbn(), List.of());
        huge.put("description", "x".repeat(4001));
        assertProblem(asAdmin().body(huge).post("/books"), 422);
        assertEquals(before, Db.fingerprint());

        long id = Api.createBook();
        before = Db.fingerprint();
        assertProblem(asAdmin().body(Map.of("genreIds", List.of(987654321L))).patch("/books/" + id), 422);
        assertProblem(asAdmin().body(Map.of("isbn", "1")).patch("/books/" + id), 422);
        assertEquals(before, Db.fingerprint());
    }

    @Test
    void aBookWithInventoryCannotBeDeleted() {
        long id = Api.createBook();
        long item = Api.createItem(id, 1);
        assertProblem(asAdmin().delete("/books/" + id), 409);
        asAdmin().delete("/inventory/" + item).then().statusCode(204);
        asAdmin().delete("/books/" + id).then().statusCode(204);
    }

    @Test
    void filters() {
        String word = "Zyx" + Long.toString(System.nanoTime(), 36);
        String author = unique("Ursula Le Guin");
        long genre = Api.createGenre(unique("Fantasy"));
        String genreName = as("reader").get("/genres/" + genre).jsonPath().getString("name");
        long a = Api.createBook("The " + word + " of Earthsea", author, List.of(genre));
        long b = Api.createBook("Tales from " + word, unique("Someone"), List.of());
        long c = Api.createBook("Unrelated", author, List.of());

        as("reader").queryParam("q", word).get("/books").then().statusCode(200).body("items.id", equalTo(List.of((int) a, (int) b)));
        as("reader").queryParam("q", word.substring(0, 5).toLowerCase() + " earthsea").get("/books").then().statusCode(200)
                .body("items.id", equalTo(List.of((int) a)));
        as("reader").queryParam("author", author.toUpperCase()).get("/books").then().statusCode(200)
                .body("items.id", equalTo(List.of((int) a, (int) c)));
        as("reader").queryParam("genre", genre).get("/books").then().statusCode(200).body("items.id", equalTo(List.of((int) a)));
        as("reader").queryParam("genre", genreName.toLowerCase()).get("/books").then().statusCode(200)
                .body("items.id", equalTo(List.of((int) a)));
        as("reader").queryParam("author", author).queryParam("q", word).get("/books").then().statusCode(200)
                .body("items.id", equalTo(List.of((int) a)));

        assertProblem(as("reader").queryParam("q", "+-").get("/books"), 400);
        assertProblem(as("reader").queryParam("isbn", "12").get("/books"), 400);
        assertProblem(as("reader").queryParam("limit", "0").get("/books"), 400);
        assertProblem(as("reader").queryParam("limit", "101").get("/books"), 400);
        assertProblem(as("reader").queryParam("limit", "ten").get("/books"), 400);
        assertProblem(as("reader").queryParam("cursor", "garbage!").get("/books"), 400);
    }
}
