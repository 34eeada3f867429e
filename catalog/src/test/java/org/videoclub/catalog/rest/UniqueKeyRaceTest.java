package org.videoclub.catalog.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.videoclub.catalog.support.Api.asAdmin;
import static org.videoclub.catalog.support.Api.unique;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.videoclub.catalog.support.Api;
import org.videoclub.testing.Concurrently;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Unique keys under parallel writes: one row, every other answer a problem+json 409, never a 500. */
@QuarkusTest
class UniqueKeyRaceTest {

    @Test
    void parallelCreatesOfOneGenreNameMakeOneGenre() throws Exception {
        for (int round = 0; round < 5; round++) {
            String name = unique("Twin");
            List<Response> answers = Concurrently.run(64, () -> asAdmin().body(Map.of("name", name)).post("/genres"));
            assertOneCreatedRestConflicts(answers);
        }
    }

    @Test
    void parallelCreatesOfOneIsbnMakeOneBook() throws Exception {
        for (int round = 0; round < 5; round++) {
            String isbn = Api.newIsbn();
            List<Response> answers = Concurrently.run(64, () -> asAdmin()
                    .body(Map.of("title", unique("Title"), "author", unique("Author"), "isbn", isbn, "genreIds", List.of()))
                    .post("/books"));
            assertOneCreatedRestConflicts(answers);
        }
    }

    private static void assertOneCreatedRestConflicts(List<Response> answers) {
        String statuses = answers.stream().map(a -> String.valueOf(a.statusCode())).sorted().toList().toString();
        assertEquals(1, answers.stream().filter(a -> a.statusCode() == 201).count(), statuses);
        answers.stream().filter(a -> a.statusCode() != 201).forEach(a -> {
            assertEquals(409, a.statusCode(), a.asString());
            assertEquals("application/problem+json", a.contentType());
        });
    }
}
