package org.videoclub.catalog.security;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Before a bearer token is verified: when its {@code kid} is not one catalog knows (auth has just rotated its key),
 * reads auth's JWKS again (rate-limited by {@link VerificationKeys#refresh()}) and lets the request go on once the
 * read is done, so that the first tokens of a new key are accepted rather than refused. Non-blocking: the request
 * waits on the read's callback, never on a thread. A token header already seen with a known kid costs one cache look-up.
 */
@ApplicationScoped
public class UnknownKeyFilter {

    private static final String BEARER = "Bearer ";

    private final VerificationKeys keys;
    /** JWS header segments whose kid is known: all the tokens of one key share the same header. */
    private final Cache<String, Boolean> knownHeaders = Caffeine.newBuilder().maximumSize(64)
            .expireAfterWrite(1, TimeUnit.HOURS).build();

    UnknownKeyFilter(VerificationKeys keys) {
        this.keys = keys;
    }

    /** Before the REST layer's routes, where the token is verified (authentication is not proactive). */
    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::refreshKeysOnUnknownKid);
    }

    private void refreshKeysOnUnknownKid(RoutingContext context) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            context.next();
            return;
        }
        int dot = authorization.indexOf('.', BEARER.length());
        if (dot < 0) {
            context.next();
            return;
        }
        String header = authorization.substring(BEARER.length(), dot).strip();
        if (knownHeaders.getIfPresent(header) != null) {
            context.next();
            return;
        }
        String kid = VerificationKeys.keyIdOfHeader(header);
        if (kid == null) {
            context.next();
            return;
        }
        if (keys.knows(kid)) {
            knownHeaders.put(header, Boolean.TRUE);
            context.next();
            return;
        }
        keys.refresh().subscribe().with(done -> context.next(), failure -> context.next());
    }
}
