package org.videoclub.auth.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Refuses a body over quarkus.http.limits.max-body-size with a problem+json 413 (the REST layer would answer an empty
 * one): a body that announces its length before it is read, a chunked one, which announces none, as it is read here
 * (the REST layer then takes the body read).
 */
@ApplicationScoped
public class BodySizeLimit {

    void register(@Observes Router router,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBody) {
        long limit = maxBody.asLongValue();
        BodyHandler chunkedBody = BodyHandler.create(false).setBodyLimit(limit);
        router.route().order(RequestIds.ORDER + 1).handler(context -> {
            String length = context.request().getHeader("Content-Length");
            if (length == null && context.request().headers().contains("Transfer-Encoding")) {
                chunkedBody.handle(context); // fails the request with 413 past the limit
            } else if (length != null && isOver(length, limit)) {
                tooLarge(context, limit);
            } else {
                context.next();
            }
        });
        router.route().order(RequestIds.ORDER + 1).failureHandler(context -> {
            if (context.statusCode() == 413 && !context.response().headWritten()) {
                tooLarge(context, limit);
            } else {
                context.next();
            }
        });
    }

    private static void tooLarge(RoutingContext context, long limit) {
        int status = 413;
        context.response().setStatusCode(status)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close") // the rest of the body is not read
                .end(Json.encode(new Problem("about:blank", ProblemMappers.reason(status), status,
                        "The body is over the limit of " + limit / 1024 + " KiB.", context.request().path(),
                        null, null)));
    }

    private static boolean isOver(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
