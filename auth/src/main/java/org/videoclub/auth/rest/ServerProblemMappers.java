package org.videoclub.auth.rest;

import java.net.ConnectException;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.videoclub.auth.repository.ConstraintViolations;
import org.videoclub.auth.repository.DatabaseTimeoutException;
import org.videoclub.auth.service.ProblemException;

import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpServerRequest;

/**
 * Every other failure, the same in auth and catalog (SPEC sections 6 and 8), told by what it carries however it is
 * wrapped: a database that is unreachable, silent past the deadline or queued full is a 503; a unique or foreign key,
 * or a version, that a concurrent write changed is a 409; the rest is a bug, a 500 whose request id the log line has.
 */
public class ServerProblemMappers {

    private static final Logger LOG = Logger.getLogger(ServerProblemMappers.class);

    @ServerExceptionMapper
    public RestResponse<Problem> unexpected(Throwable e, HttpServerRequest request) {
        return answer(e, request);
    }

    static RestResponse<Problem> answer(Throwable e, HttpServerRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return ProblemMappers.answer(problem, request);
            }
            if (ConstraintViolations.isViolation(cause)) {
                return Problems.answer(409, "It conflicts with an existing entry, or with a change made at the same"
                        + " time; read the data again and retry.", request).build();
            }
            if (isStaleVersion(cause)) {
                return Problems.answer(409, "It was changed by someone else meanwhile; read it again and retry.",
                        request).build();
            }
            if (cause instanceof ConnectionPoolTooBusyException) {
                LOG.warnf("Database pool queue full (request %s): %s", requestId(request), cause.getMessage());
                return Problems.unavailable("Too many requests are waiting for the database; try again shortly.",
                        request);
            }
            if (isUnavailable(cause)) {
                LOG.warnf("Database unavailable (request %s): %s", requestId(request), cause.getMessage());
                return Problems.unavailable("The database is unavailable; try again shortly.", request);
            }
        }
        if (request != null) {
            LOG.errorf(e, "Unexpected failure of %s %s (request %s)", request.method(), request.path(), requestId(request));
        }
        return Problems.answer(500, Problems.UNEXPECTED, request).build();
    }

    private static boolean isStaleVersion(Throwable cause) {
        String name = cause.getClass().getName();
        return name.equals("org.hibernate.StaleObjectStateException")
                || name.equals("jakarta.persistence.OptimisticLockException");
    }

    private static boolean isUnavailable(Throwable cause) {
        String name = cause.getClass().getName();
        return cause instanceof ConnectException || cause instanceof DatabaseTimeoutException
                || name.equals("io.vertx.sqlclient.ClosedConnectionException")
                || name.equals("io.netty.channel.ConnectTimeoutException")
                // a wait for a pool connection passed the deadline
                || (cause instanceof VertxException && "Timeout waiting for connection".equals(cause.getMessage()))
                || (cause.getMessage() != null && cause.getMessage().contains("Connection refused"));
    }

    private static String requestId(HttpServerRequest request) {
        return request == null ? null : request.getHeader(RequestIds.HEADER);
    }
}
