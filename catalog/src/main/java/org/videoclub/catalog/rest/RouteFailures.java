package org.videoclub.catalog.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The failures Vert.x answers itself, before or without the REST layer (a body over the limit, no route, a failed
 * handler), as problem+json like every other error.
 */
@ApplicationScoped
public class RouteFailures {

    private static final Logger LOG = Logger.getLogger(RouteFailures.class);

    void install(@Observes Router router) {
        router.route().order(RequestIds.ORDER).failureHandler(RouteFailures::failure);
        router.route().order(Integer.MAX_VALUE).handler(context -> answer(context, 404));
    }

    private static void failure(RoutingContext context) {
        int status = context.statusCode() >= 400 ? context.statusCode() : 500;
        if (status >= 500) {
            LOG.errorf(context.failure(), "Unexpected failure of %s %s (request %s)", context.request().method(),
                    context.request().path(), context.request().getHeader(RequestIds.HEADER));
        }
        answer(context, status);
    }

    static void answer(RoutingContext context, int status) {
        if (context.response().headWritten()) {
            context.response().close();
            return;
        }
        String detail = status >= 500 ? "Unexpected error; report the requestId to the operators." : ProblemMappers.detail(status);
        if (status == 413) {
            context.response().putHeader("Connection", "close"); // the rest of the body is not read
        }
        context.response().setStatusCode(status)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(Problems.json(Problems.problem(status, detail, null, context.request())));
    }
}
