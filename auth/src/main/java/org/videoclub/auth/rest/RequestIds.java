package org.videoclub.auth.rest;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * First handler of every request, the same in auth and catalog (SPEC section 8): the request id is the caller's
 * X-Request-Id when it is 1 to 100 of {@code A-Z a-z 0-9 . _ : -}, else a new UUID; it is put on the request, for the
 * access log and the 500 answers, and echoed on the response.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    /** Runs before every other handler, so that every answer (a 413 too) carries the id. */
    static final int ORDER = Integer.MIN_VALUE;
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(RequestIds::assign);
    }

    private static void assign(RoutingContext context) {
        String id = context.request().getHeader(HEADER);
        if (id == null || !SANE_ID.matcher(id).matches()) {
            // Not a secret: ThreadLocalRandom, as UUID.randomUUID's SecureRandom showed in catalog's profiles.
            ThreadLocalRandom random = ThreadLocalRandom.current();
            id = new UUID(random.nextLong(), random.nextLong()).toString();
            context.request().headers().set(HEADER, id);
        }
        context.response().putHeader(HEADER, id);
        context.next();
    }
}
