package org.videoclub.catalog.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.videoclub.catalog.support.Api.as;
import static org.videoclub.catalog.support.Api.asAdmin;
import static org.videoclub.catalog.support.Api.assertProblem;
import static org.videoclub.catalog.support.Api.unique;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.videoclub.catalog.support.Api;
import org.videoclub.catalog.support.Db;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class GenreResourceTest {

    @Test
    void createReadUpdateDelete() {
        String name = unique("Noir");
        Response created = asAdmin().body(Map.of("name", name, "description", "Dark streets")).post("/genres");
        created.then().statusCode(201).header("ETag", "\"0\"")
                .body("name", equalTo(name)).body("description", equalTo("Dark streets")).body("version", equalTo(0));
        long id = created.jsonPath().getLong("id");
        assertEquals(true, created.header("Location").endsWith("/genres/" + id));

        as("reader").get("/genres/" + id).then().statusCode(200).header("ETag", "\"0\"").body("name", equalTo(name));
        as("reader").get("/genres/" + id + "/").then().statusCode(200).body("id", equalTo((int) id));

        String renamed = unique("Neo-noir");
        as("editor").body(Map.of("name", renamed)).put("/genres/" + id).then().statusCode(200)
                .header("ETag", "\"1\"").body("name", equalTo(renamed)).body("description", nullValue());
        as("editor").body(Map.of("description", "Rain")).patch("/genres/" + id).then().statusCode(200)
                .header("ETag", "\"2\"").body("name", equalTo(renamed)).body("description", equalTo("Rain"));

        as("editor").delete("/genres/" + id).then().statusCode(204);
        assertProblem(as("reader").get("/genres/" + id), 404);
        assertProblem(as("editor").delete("/genres/" + id), 404);
    }

    @Test
    void namesAreUniqueWithoutRegardToCase() {
        String name = unique("Horror");
        long id = Api.createGenre(name);
        assertProblem(asAdmin().body(Map.of("name", name.toUpperCase())).post("/genres"), 409);
        long other = Api.createGenre(unique("Gothic"));
        assertProblem(asAdmin().body(Map.of("name", "  " + name.toLowerCase() + " ")).put("/genres/" + other), 409);
        // renaming a genre to its own name in another case is fine
        asAdmin().body(Map.of("name", name.toUpperCase())).put("/genres/" + id).then().statusCode(200);
    }

    @Test
    void ifMatchProtectsAgainstLostUpdates() {
        long id = Api.createGenre(unique("Poetry"));
        String before = Db.fingerprint();
        assertProblem(asAdmin().header("If-Match", "\"7\"").body(Map.of("name", unique("x"))).put("/genres/" + id), 412);
        assertProblem(asAdmin().header("If-Match", "\"7\"").body(Map.of("description", "x")).patch("/genres/" + id), 412);
        assertProblem(asAdmin().header("If-Match", "\"7\"").delete("/genres/" + id), 412);
        assertEquals(before, Db.fingerprint());
        asAdmin().header("If-Match", "\"0\"").body(Map.of("description", "ok")).patch("/genres/" + id).then().statusCode(200);
        asAdmin().header("If-Match", "W/\"1\"").delete("/genres/" + id).then().statusCode(204);
    }

    @Test
    void deletingAGenreUnlinksItFromItsBooks() {
        long kept = Api.createGenre(unique("Kept"));
        long dropped = Api.createGenre(unique("Dropped"));
        long book = Api.createBook(unique("Title"), unique("Author"), List.of(kept, dropped));
        asAdmin().delete("/genres/" + dropped).then().statusCode(204);
        as("reader").get("/books/" + book).then().statusCode(200)
                .body("genres.id", equalTo(List.of((int) kept)))
                .body("genres.id", not(hasItem((int) dropped)));
    }

    @Test
    void renamingOrDeletingAGenreIsAChangeOfItsBooks() {
        long genre = Api.createGenre(unique("Renamed"));
        long book = Api.createBook(unique("Title"), unique("Author"), List.of(genre));
        long otherBook = Api.createBook(unique("Title"), unique("Author"), List.of());
        // The books do not show a genre's description.
        asAdmin().body(Map.of("description", "other words")).patch("/genres/" + genre).then().statusCode(200);
        as("reader").get("/books/" + book).then().statusCode(200).header("ETag", "\"0\"");

        String name = unique("Newname");
        asAdmin().body(Map.of("name", name)).patch("/genres/" + genre).then().statusCode(200);
        as("reader").get("/books/" + book).then().statusCode(200).header("ETag", "\"1\"")
                .body("genres[0].name", equalTo(name));
        // A change based on the answer from before the rename is refused.
        assertProblem(as("editor").header("If-Match", "\"0\"").body(Map.of("title", unique("Title")))
                .patch("/books/" + book), 412);

        asAdmin().delete("/genres/" + genre).then().statusCode(204);
        as("reader").get("/books/" + book).then().statusCode(200).header("ETag", "\"2\"").body("genres.size()", equalTo(0));
        as("reader").get("/books/" + otherBook).then().statusCode(200).header("ETag", "\"0\"");
    }

    @Test
    void invalidGenresAreRefusedWith422() {
        String before = Db.fingerprint();
        assertProblem(asAdmin().body(Map.of("name", "")).post("/genres"), 422).then().body("errors[0].field", equalTo("name"));
        assertProblem(asAdmin().body(Map.of("description", "no name")).post("/genres"), 422);
        assertProblem(asAdmin().body(Map.of("name", "x".repeat(101))).post("/genres"), 422);
        assertProblem(asAdmin().body(Map.of("name", "ok", "description", "x".repeat(1001))).post("/genres"), 422)
                .then().body("errors[0].field", equalTo("description"));
        long id = Api.createGenre(unique("Valid"));
        before = Db.fingerprint();
        assertProblem(asAdmin().body(Map.of("name", "  ")).patch("/genres/" + id), 422);
        assertEquals(before, Db.fingerprint());
    }

    @Test
    void listsArePaginated() {
        for (int i = 0; i < 3; i++) {
            Api.createGenre(unique("Listed"));
        }
        Response first = as("reader").queryParam("limit", 2).get("/genres/");
        first.then().statusCode(200).body("items.size()", equalTo(2));
        String next = first.jsonPath().getString("next");
        assertEquals(true, first.header("Link").contains("cursor=" + next) && first.header("Link").endsWith("; rel=\"next\""));
        as("reader").queryParam("limit", 2).queryParam("cursor", next).get("/genres").then().statusCode(200);
    }
}
