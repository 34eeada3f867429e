package org.videoclub.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

/** Many HTTP requests sent at once, each answer with how long it took: what a hung dependency does to a burst. */
public final class Burst {

    /** One answer; {@code took} from sending the request to the whole answer read. */
    public record Answer(int status, String contentType, String retryAfter, String body, Duration took) {
    }

    private Burst() {
    }

    /**
     * Sends {@code count} requests together ({@code request} builds the i-th) and waits for every answer. A request not
     * answered within {@code giveUpAfter} fails the burst, so that a hang fails a test instead of stalling it.
     */
    public static List<Answer> send(int count, Duration giveUpAfter, IntFunction<HttpRequest.Builder> request) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<Answer>> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpRequest built = request.apply(i).timeout(giveUpAfter).build();
            long sent = System.nanoTime();
            answers.add(client.sendAsync(built, HttpResponse.BodyHandlers.ofString())
                    .thenApply(response -> new Answer(response.statusCode(),
                            response.headers().firstValue("Content-Type").orElse(null),
                            response.headers().firstValue("Retry-After").orElse(null), response.body(),
                            Duration.ofNanos(System.nanoTime() - sent))));
        }
        return answers.stream().map(CompletableFuture::join).toList();
    }

    /** The URI of {@code path} on the application under test (RestAssured's port). */
    public static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
