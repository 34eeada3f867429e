package org.videoclub.catalog.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The failures Vert.x answers itself, before or without the REST layer, as problem+json like every other error: a
 * body over the limit ({@link BodySizeLimit}), a path no route serves, a handler that failed.
 */
@ApplicationScoped
public class RouteFailures {

    private static final Logger LOG = Logger.getLogger(RouteFailures.class);

    private final String tooLarge;

    RouteFailures(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.tooLarge = "The body is over the limit of " + maxBodySize.asLongValue() / 1024 + " KiB.";
    }

    void install(@Observes Router router) {
        router.route().order(RequestIds.ORDER).failureHandler(this::failure);
        router.route().order(Integer.MAX_VALUE).handler(context -> answer(context, 404));
    }

    private void failure(RoutingContext context) {
        int status = context.statusCode() >= 400 ? context.statusCode() : 500;
        if (status >= 500) {
            LOG.errorf(context.failure(), "Unexpected failure of %s %s (request %s)", context.request().method(),
                    context.request().path(), context.request().getHeader(RequestIds.HEADER));
        }
        answer(context, status);
    }

    private void answer(RoutingContext context, int status) {
        if (context.response().headWritten()) {
            context.response().close();
            return;
        }
        if (status == 413) {
            context.response().putHeader("Connection", "close"); // the rest of the body is not read
        }
        context.response().setStatusCode(status)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(Problems.json(Problems.problem(status, status == 413 ? tooLarge : Problems.detail(status), null,
                        context.request())));
    }
}
