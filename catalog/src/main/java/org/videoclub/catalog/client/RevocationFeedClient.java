package org.videoclub.catalog.client;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.videoclub.catalog.config.CatalogConfig;

import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;

/**
 * The one way to auth's revocation feed: bounds every call by {@code catalog.revocation.request-timeout} and turns
 * every failure (refused connection, timeout, error status, unreadable body) into a {@link FeedUnavailableException}.
 */
@ApplicationScoped
public class RevocationFeedClient {

    /** auth could not be asked; the message says why, without anything secret (the feed carries none). */
    public static class FeedUnavailableException extends RuntimeException {
        FeedUnavailableException(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }

    private final RevocationFeedApi api;
    private final CatalogConfig.Revocation config;

    RevocationFeedClient(@RestClient RevocationFeedApi api, CatalogConfig config) {
        this.api = api;
        this.config = config.revocation();
    }

    public Uni<RevocationPage> revocationsAfter(long sequence) {
        return Uni.createFrom().deferred(() -> api.revocations(sequence))
                .ifNoItem().after(config.requestTimeout()).fail()
                .onFailure().transform(failure -> new FeedUnavailableException(failure instanceof TimeoutException
                        ? "no answer within " + config.requestTimeout().toMillis() + " ms"
                        : failure.getClass().getSimpleName() + ": " + failure.getMessage(), failure));
    }
}
