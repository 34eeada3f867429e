package org.videoclub.catalog.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.videoclub.catalog.support.Api.assertProblem;
import static org.videoclub.catalog.support.Api.unique;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.videoclub.catalog.support.Api;
import org.videoclub.catalog.support.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Every endpoint against every role: anonymous 401, reader reads only (403 on writes), editor and admin everything. */
@QuarkusTest
class RoleMatrixTest {

    enum Endpoint {
        LIST_GENRES(false, 200, spec -> spec.get("/genres")),
        CREATE_GENRE(true, 201, spec -> spec.body(Map.of("name", unique("Genre"))).post("/genres")),
        GET_GENRE(false, 200, spec -> spec.get("/genres/" + Api.createGenre(unique("Genre")))),
        PUT_GENRE(true, 200, spec -> spec.body(Map.of("name", unique("Genre"))).put("/genres/" + Api.createGenre(unique("Genre")))),
        PATCH_GENRE(true, 200, spec -> spec.body(Map.of("description", "d")).patch("/genres/" + Api.createGenre(unique("Genre")))),
        DELETE_GENRE(true, 204, spec -> spec.delete("/genres/" + Api.createGenre(unique("Genre")))),
        LIST_BOOKS(false, 200, spec -> spec.get("/books")),
        CREATE_BOOK(true, 201, spec -> spec.body(Map.of("title", "t", "author", "a", "isbn", Api.newIsbn())).post("/books")),
        GET_BOOK(false, 200, spec -> spec.get("/books/" + Api.createBook())),
        PUT_BOOK(true, 200, spec -> spec.body(Map.of("title", "t", "author", "a", "isbn", Api.newIsbn())).put("/books/" + Api.createBook())),
        PATCH_BOOK(true, 200, spec -> spec.body(Map.of("title", "t2")).patch("/books/" + Api.createBook())),
        DELETE_BOOK(true, 204, spec -> spec.delete("/books/" + Api.createBook())),
        LIST_INVENTORY(false, 200, spec -> spec.get("/inventory")),
        CREATE_ITEM(true, 201, spec -> spec.body(Map.of("bookId", Api.createBook(), "condition", "NEW", "price", "1.00", "stock", 1))
                .post("/inventory")),
        GET_ITEM(false, 200, spec -> spec.get("/inventory/" + Api.createItem(Api.createBook(), 1))),
        PUT_ITEM(true, 200, spec -> spec.body(Map.of("bookId", Api.createBook(), "condition", "USED", "price", "2.00", "stock", 2))
                .put("/inventory/" + Api.createItem(Api.createBook(), 1))),
        PATCH_ITEM(true, 200, spec -> spec.body(Map.of("stock", 9)).patch("/inventory/" + Api.createItem(Api.createBook(), 1))),
        DELETE_ITEM(true, 204, spec -> spec.delete("/inventory/" + Api.createItem(Api.createBook(), 1))),
        CHANGE_STOCK(true, 200, spec -> spec.body(Map.of("delta", -1)).post("/inventory/" + Api.createItem(Api.createBook(), 1) + "/stock"));

        final boolean write;
        final int success;
        final Function<RequestSpecification, Response> call;

        Endpoint(boolean write, int success, Function<RequestSpecification, Response> call) {
            this.write = write;
            this.success = success;
            this.call = call;
        }
    }

    static Stream<Arguments> cases() {
        return Arrays.stream(Endpoint.values())
                .flatMap(endpoint -> List.of("anonymous", "reader", "editor", "admin").stream()
                        .map(role -> Arguments.of(endpoint, role)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("cases")
    void roles(Endpoint endpoint, String role) {
        RequestSpecification spec = given().contentType("application/json");
        if (!role.equals("anonymous")) {
            spec.auth().oauth2(TestTokens.token(role));
        }
        Response response = endpoint.call.apply(spec);
        if (role.equals("anonymous")) {
            assertProblem(response, 401).then().header("WWW-Authenticate", "Bearer");
        } else if (role.equals("reader") && endpoint.write) {
            assertProblem(response, 403);
        } else {
            assertEquals(endpoint.success, response.statusCode(), response::asString);
        }
    }

    @ParameterizedTest(name = "role {0}")
    @MethodSource("unknownRoles")
    void aTokenWithoutACatalogRoleMayNotRead(String role) {
        assertProblem(given().auth().oauth2(TestTokens.token(role)).get("/books"), 403);
    }

    static Stream<String> unknownRoles() {
        return Stream.of("guest", "Admin");
    }
}
