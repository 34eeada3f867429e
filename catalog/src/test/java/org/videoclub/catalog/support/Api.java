package org.videoclub.catalog.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Short-hands for the tests: requests as a role, test data made through the API, and problem+json checks. */
public final class Api {

    private static final AtomicLong ISBN_SEQUENCE = new AtomicLong(ThreadLocalRandom.current().nextLong(100_000_000L, 800_000_000L));

    private Api() {
    }

    public static RequestSpecification as(String role) {
        return given().auth().oauth2(TestTokens.token(role)).contentType("application/json");
    }

    public static RequestSpecification asAdmin() {
        return as("admin");
    }

    /** A fresh, valid ISBN-13 no other test uses. */
    public static String newIsbn() {
        String twelve = "979" + ISBN_SEQUENCE.incrementAndGet();
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (twelve.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return twelve + (10 - sum % 10) % 10;
    }

    public static String unique(String prefix) {
        return prefix + " " + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
    }

    public static long createGenre(String name) {
        return asAdmin().body(Map.of("name", name)).post("/genres").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static long createBook(String title, String author, List<Long> genreIds) {
        return asAdmin().body(Map.of("title", title, "author", author, "isbn", newIsbn(), "genreIds", genreIds))
                .post("/books").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static long createBook() {
        return createBook(unique("Book"), unique("Author"), List.of());
    }

    public static long createItem(long bookId, int stock) {
        return asAdmin().body(Map.of("bookId", bookId, "condition", "NEW", "price", "10.99", "stock", stock))
                .post("/inventory").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** Checks that {@code response} is a problem+json of {@code status}, and returns it for more checks. */
    public static Response assertProblem(Response response, int status) {
        response.then().statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", equalTo("about:blank"));
        assertNotNull(response.jsonPath().getString("title"), "problem title");
        assertNotNull(response.jsonPath().getString("detail"), "problem detail");
        assertEquals(false, response.asString().contains("Exception"), () -> "no class names in " + response.asString());
        return response;
    }
}
