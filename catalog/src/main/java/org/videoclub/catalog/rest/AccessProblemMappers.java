package org.videoclub.catalog.rest;

import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.videoclub.catalog.security.RevocationStateUnknownException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;

/**
 * The answers to a caller who is not signed in, whose token does not hold, or whose role may not (SPEC section 6);
 * and the 503 while catalog cannot tell whether a token is revoked.
 */
public class AccessProblemMappers {

    private static final String INVALID_TOKEN = "Bearer error=\"invalid_token\"";
    private static final String FORBIDDEN = "Your role does not allow this: changes need the editor or admin role.";
    private static final String TOKEN_NOT_VALID = "The access token is not valid: it is malformed, forged, expired or revoked.";

    /** No credentials, or credentials the security layer would not even read. */
    @ServerExceptionMapper
    public RestResponse<Problem> unauthenticated(UnauthorizedException e, HttpServerRequest request) {
        return request.getHeader(HttpHeaders.AUTHORIZATION) == null
                ? Problems.answer(401, "Sign in: this needs a bearer access token.", request)
                        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build()
                : invalidToken(request);
    }

    /** A bad signature or key id, an expired token, the wrong issuer or audience, a revoked session. */
    @ServerExceptionMapper
    public RestResponse<Problem> badToken(AuthenticationFailedException e, HttpServerRequest request) {
        return e.getCause() instanceof RevocationStateUnknownException unknown
                ? unknownRevocationState(unknown, request)
                : invalidToken(request);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> revocationStateUnknown(RevocationStateUnknownException e, HttpServerRequest request) {
        return unknownRevocationState(e, request);
    }

    static RestResponse<Problem> unknownRevocationState(RevocationStateUnknownException e, HttpServerRequest request) {
        return Problems.unavailable(e.getMessage() + " Retry later.", request);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> forbidden(ForbiddenException e, HttpServerRequest request) {
        return Problems.answer(403, FORBIDDEN, request).build();
    }

    private static RestResponse<Problem> invalidToken(HttpServerRequest request) {
        return Problems.answer(401, TOKEN_NOT_VALID, request).header(HttpHeaders.WWW_AUTHENTICATE, INVALID_TOKEN).build();
    }
}
