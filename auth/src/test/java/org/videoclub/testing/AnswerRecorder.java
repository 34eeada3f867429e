package org.videoclub.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Records every answer the HTTP tests receive (method, path, status, content type, body length) in
 * target/http-answers.tsv, and the OpenAPI document the service serves in target/openapi-served.json, for
 * {@link DocumentedAnswersChecks}. Registered with rest-assured before every {@code @QuarkusTest} method (through
 * META-INF/services), so every test's calls are recorded without the test doing anything.
 */
public class AnswerRecorder implements OrderedFilter, QuarkusTestBeforeEachCallback {

    public static final Path ANSWERS = Path.of("target", "http-answers.tsv");
    public static final Path DOCUMENT = Path.of("target", "openapi-served.json");
    /** JVM-wide (each Quarkus restart loads this class anew): the files of an earlier run are dropped once. */
    private static final String STARTED = "videoclub.answer-recorder.started";

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (RestAssured.filters().stream().noneMatch(AnswerRecorder.class::isInstance)) {
            RestAssured.filters(new AnswerRecorder());
        }
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE; // sees the answer as it came, before any other filter
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
            FilterContext context) {
        Response answer = context.next(request, response);
        URI uri = URI.create(request.getURI());
        // A request with an Origin header is a browser's cross-origin call: the CORS layer answers it (a 403 for an
        // origin not allowed) before the API does, so it is none of the API document's answers.
        if (!uri.getPath().startsWith("/q/") && !request.getHeaders().hasHeaderWithName("Origin")) {
            record(uri, request.getMethod(), answer);
        }
        return answer;
    }

    private static synchronized void record(URI uri, String method, Response answer) {
        try {
            if (System.getProperty(STARTED) == null) {
                System.setProperty(STARTED, "true");
                Files.deleteIfExists(ANSWERS);
                Files.deleteIfExists(DOCUMENT);
            }
            if (!Files.exists(DOCUMENT)) {
                saveDocument(uri);
            }
            String contentType = answer.contentType() == null ? "" : answer.contentType();
            String line = String.join("\t", method, uri.getPath(), String.valueOf(answer.statusCode()), contentType,
                    String.valueOf(answer.asByteArray().length)) + "\n";
            Files.writeString(ANSWERS, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void saveDocument(URI uri) throws IOException {
        URI document = URI.create(uri.getScheme() + "://" + uri.getAuthority() + "/q/openapi?format=json");
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(document).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200) {
                Files.createDirectories(DOCUMENT.getParent());
                Files.writeString(DOCUMENT, answer.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
