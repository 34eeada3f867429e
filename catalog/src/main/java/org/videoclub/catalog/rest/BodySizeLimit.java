package org.videoclub.catalog.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Refuses a body over quarkus.http.limits.max-body-size with a problem+json 413 (the REST layer would answer an empty
 * one): a body that announces its length before it is read; a chunked one, which announces none, as it is read here
 * (the REST layer then takes the body read). {@link RouteFailures} answers the 413.
 */
@ApplicationScoped
public class BodySizeLimit {

    private final long maxBodySize;
    private final BodyHandler chunkedBody;

    BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodySize = maxBodySize.asLongValue();
        this.chunkedBody = BodyHandler.create(false).setBodyLimit(this.maxBodySize);
    }

    void install(@Observes Router router) {
        router.route().order(RequestIds.ORDER + 1).handler(this::check);
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader("Content-Length");
        if (length == null && context.request().headers().contains("Transfer-Encoding")) {
            chunkedBody.handle(context); // fails the request with 413 past the limit
        } else if (length != null && length.length() < 19 && length.chars().allMatch(Character::isDigit)
                && Long.parseLong(length) > maxBodySize) {
            context.fail(413);
        } else {
            context.next();
        }
    }
}
