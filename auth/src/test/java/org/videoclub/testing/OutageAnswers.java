package org.videoclub.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

/** What a burst of requests must get from a service whose database hangs (SPEC section 8, both services). */
public final class OutageAnswers {

    private OutageAnswers() {
    }

    /**
     * Every answer is a 503 problem with {@code Retry-After: 5}, within {@code bound}; and beyond the pool's
     * connections and its wait queue ({@code poolSize} + {@code maxWaiting}), requests are refused at once rather
     * than queued.
     */
    public static void assertRefusedInTime(List<Burst.Answer> answers, Duration bound, int poolSize, int maxWaiting) {
        for (Burst.Answer answer : answers) {
            assertEquals(503, answer.status(), answer.body());
            assertEquals("application/problem+json", answer.contentType());
            assertEquals("5", answer.retryAfter());
            assertTrue(answer.took().compareTo(bound) <= 0, "answered after " + answer.took() + ", bound " + bound);
        }
        long refusedAtOnce = answers.stream().filter(answer -> answer.body().contains("waiting for the database"))
                .count();
        assertTrue(refusedAtOnce >= answers.size() - poolSize - maxWaiting, refusedAtOnce + " refused at once");
    }
}
