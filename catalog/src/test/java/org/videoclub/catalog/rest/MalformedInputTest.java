package org.videoclub.catalog.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videoclub.catalog.support.Api.asAdmin;
import static org.videoclub.catalog.support.Api.assertProblem;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.videoclub.catalog.support.Api;
import org.videoclub.catalog.support.Db;
import org.videoclub.catalog.support.TestTokens;
import org.videoclub.testing.RawHttp;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/** Bad bodies of every kind, on every endpoint that takes one: a 4xx problem+json, and the database unchanged. */
@QuarkusTest
class MalformedInputTest {

    private static long genre;
    private static long book;
    private static long item;

    /** Method and path (with {genre}, {book}, {item} filled in by {@link #path}) of every endpoint with a body. */
    static List<String[]> endpoints() {
        return List.of(new String[] { "POST", "/genres" }, new String[] { "PUT", "/genres/{genre}" },
                new String[] { "PATCH", "/genres/{genre}" }, new String[] { "POST", "/books" },
                new String[] { "PUT", "/books/{book}" }, new String[] { "PATCH", "/books/{book}" },
                new String[] { "POST", "/inventory" }, new String[] { "PUT", "/inventory/{item}" },
                new String[] { "PATCH", "/inventory/{item}" }, new String[] { "POST", "/inventory/{item}/stock" });
    }

    private static String path(String template) {
        if (item == 0) {
            genre = Api.createGenre(Api.unique("Malformed"));
            book = Api.createBook();
            item = Api.createItem(book, 5);
        }
        return template.replace("{genre}", String.valueOf(genre)).replace("{book}", String.valueOf(book))
                .replace("{item}", String.valueOf(item));
    }

    static Stream<Arguments> badBodies() {
        List<String[]> bodies = List.of(
                new String[] { "400", "{\"name\":" },
                new String[] { "400", "{'single':'quotes'}" },
                new String[] { "400", "[1, 2]" },
                new String[] { "400", "\"a string\"" },
                new String[] { "400", "{\"unknownField\": 1}" },
                new String[] { "400", "{} {}" },
                new String[] { "400", "{\"name\": 5, \"title\": 5, \"price\": 10.99, \"delta\": \"5\", \"bookId\": \"x\"}" },
                new String[] { "400", "{\"genreIds\": \"1\", \"stock\": 1.5, \"delta\": 1.5, \"condition\": \"BROKEN\", \"name\": []}" });
        return endpoints().stream().flatMap(endpoint -> bodies.stream()
                .map(body -> Arguments.of(endpoint[0], endpoint[1], Integer.parseInt(body[0]), body[1])));
    }

    @ParameterizedTest(name = "{0} {1} with {3}")
    @MethodSource("badBodies")
    void badJsonIs400AndChangesNothing(String method, String template, int status, String body) {
        String path = path(template);
        String before = Db.fingerprint();
        assertProblem(asAdmin().body(body).request(method, path), status);
        assertEquals(before, Db.fingerprint());
    }

    static Stream<Arguments> everyEndpoint() {
        return endpoints().stream().map(endpoint -> Arguments.of(endpoint[0], endpoint[1]));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyEndpoint")
    void missingOversizedAndMistypedBodies(String method, String template) throws Exception {
        String path = path(template);
        String before = Db.fingerprint();
        assertProblem(asAdmin().request(method, path), 400);
        assertProblem(asAdmin().contentType("text/plain").body("name=x").request(method, path), 415);
        String huge = "{\"name\":\"" + "x".repeat(70 * 1024) + "\"}";
        assertProblem(asAdmin().body(huge).request(method, path), 413);
        RawHttp.Answer chunked = RawHttp.sendChunked(RestAssured.port, method, path, TestTokens.token("admin"), huge);
        assertEquals(413, chunked.status(), chunked::body);
        assertEquals("application/problem+json", chunked.headers().get("content-type"));
        assertTrue(chunked.body().contains("\"status\":413"), chunked.body());
        assertEquals(before, Db.fingerprint());
    }

    @Test
    void aChunkedBodyWithinTheLimitIsRead() throws Exception {
        String name = Api.unique("Chunked");
        RawHttp.Answer created = RawHttp.sendChunked(RestAssured.port, "POST", "/genres", TestTokens.token("admin"),
                "{\"name\":\"" + name + "\"}");
        assertEquals(201, created.status(), created::body);
        assertTrue(created.body().contains("\"name\":\"" + name + "\""), created.body());
    }

    @Test
    void oneProblemListsEveryInvalidField() {
        String before = Db.fingerprint();
        Response response = asAdmin().body("{\"title\": null, \"author\": \"" + "a".repeat(256) + "\", \"isbn\": \"\", \"genreIds\": [null]}")
                .post("/books");
        assertProblem(response, 422).then().body("errors.field", equalTo(List.of("author", "genreIds[0]", "isbn", "title")));
        assertEquals(before, Db.fingerprint());
    }

    @Test
    void wrongTypesNameTheField() {
        path("");
        assertProblem(asAdmin().body("{\"bookId\": " + book + ", \"condition\": \"NEW\", \"price\": \"1.00\", \"stock\": \"many\"}")
                .post("/inventory"), 400).then().body("errors[0].field", equalTo("stock"));
    }
}
