package org.videoclub.catalog.rest;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.configuration.MemorySize;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * What happens around the REST layer: every request gets a request id (the caller's X-Request-Id when it is sane, else a
 * new one), echoed in the answer and the access log; failures Vert.x answers itself (body over 64 KiB, no route)
 * become problem+json too.
 */
@ApplicationScoped
public class HttpRoutes {

    private static final Logger LOG = Logger.getLogger(HttpRoutes.class);
    private static final Pattern SANE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final long maxBodySize;
    private final BodyHandler chunkedBody;

    HttpRoutes(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodySize = maxBodySize.asLongValue();
        this.chunkedBody = BodyHandler.create(false).setBodyLimit(this.maxBodySize);
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(HttpRoutes::requestId);
        router.route().order(Integer.MIN_VALUE).handler(this::bodySizeLimit);
        router.route().order(Integer.MIN_VALUE).failureHandler(HttpRoutes::failure);
        router.route().order(Integer.MAX_VALUE).handler(context -> answer(context, 404));
    }

    private static void requestId(RoutingContext context) {
        String id = context.request().getHeader(Problems.REQUEST_ID);
        if (id == null || !SANE_REQUEST_ID.matcher(id).matches()) {
            // Not a secret: ThreadLocalRandom, as UUID.randomUUID's SecureRandom showed in the profile of GET /books/{id}.
            ThreadLocalRandom random = ThreadLocalRandom.current();
            id = new UUID(random.nextLong(), random.nextLong()).toString();
            context.request().headers().set(Problems.REQUEST_ID, id);
        }
        context.response().putHeader(Problems.REQUEST_ID, id);
        context.next();
    }

    /**
     * A body larger than the limit is refused as problem+json (the REST layer would answer an empty 413): one that
     * announces its length, before it is read; a chunked one, which announces none, as it is read here (the REST layer
     * then takes the body read).
     */
    private void bodySizeLimit(RoutingContext context) {
        String length = context.request().getHeader("Content-Length");
        if (length == null && context.request().headers().contains("Transfer-Encoding")) {
            chunkedBody.handle(context); // fails the request with 413 past the limit
            return;
        }
        if (length != null && length.length() < 19 && length.chars().allMatch(Character::isDigit)
                && Long.parseLong(length) > maxBodySize) {
            answer(context, 413);
            return;
        }
        context.next();
    }

    private static void failure(RoutingContext context) {
        int status = context.statusCode() >= 400 ? context.statusCode() : 500;
        if (status >= 500) {
            LOG.errorf(context.failure(), "Unexpected failure of %s %s (request %s)", context.request().method(),
                    context.request().path(), context.request().getHeader(Problems.REQUEST_ID));
        }
        answer(context, status);
    }

    private static void answer(RoutingContext context, int status) {
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
