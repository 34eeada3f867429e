package org.videoclub.auth.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.videoclub.auth.security.SigningKeys;
import org.videoclub.auth.service.LoginService;
import org.videoclub.auth.service.ProblemException;
import org.videoclub.auth.service.RefreshTokenRotation;
import org.videoclub.auth.service.RevocationFeedService;
import org.videoclub.auth.service.SessionRevocations;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

@Path("/")
@Cancellable(false) // a request runs to completion when its client hangs up: no write is cut in half
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "sessions", description = "Login, tokens, logout, and what catalog needs to verify tokens.")
public class SessionResource {

    private final LoginService logins;
    private final RefreshTokenRotation refreshes;
    private final SessionRevocations revocations;
    private final RevocationFeedService feed;
    private final JsonWebToken token;
    private final SigningKeys keys;

    SessionResource(LoginService logins, RefreshTokenRotation refreshes, SessionRevocations revocations,
            RevocationFeedService feed, JsonWebToken token, SigningKeys keys) {
        this.logins = logins;
        this.refreshes = refreshes;
        this.revocations = revocations;
        this.feed = feed;
        this.token = token;
        this.keys = keys;
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Log in", description = "Opens a session: an access token (15 minutes by default) to send as"
            + " `Authorization: Bearer <token>`, and a refresh token for POST /refresh. After 5 failed logins in a row a"
            + " username must wait, longer each time.")
    @APIResponse(responseCode = "200", description = "Signed in")
    @APIResponse(responseCode = "401", description = "Wrong username or password (the same answer for both)")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Uni<SessionRecords.TokenResponse> login(@Valid @NotNull SessionRecords.LoginRequest body,
            @Context HttpServerRequest request) {
        return logins.login(body.username(), body.password(), Origins.of(request))
                .map(SessionRecords.TokenResponse::of);
    }

    @POST
    @Path("refresh")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Swap a refresh token for a new pair", description = "A new access token and refresh token"
            + " for the same session. The old refresh token stops working; presenting it again ends the whole session.")
    @APIResponse(responseCode = "200", description = "A new access token and refresh token")
    @APIResponse(responseCode = "401", description = "Unknown, used, expired or revoked refresh token")
    public Uni<SessionRecords.TokenResponse> refresh(@Valid @NotNull SessionRecords.RefreshRequest body,
            @Context HttpServerRequest request) {
        return refreshes.refresh(body.refreshToken(), Origins.of(request)).map(SessionRecords.TokenResponse::of);
    }

    @POST
    @Path("logout")
    @Authenticated
    @Operation(summary = "Log out", description = "Revokes the caller's session: its access and refresh tokens stop"
            + " working here at once, and in catalog within seconds.")
    @APIResponse(responseCode = "204", description = "Signed out")
    public Uni<RestResponse<Void>> logout(@Context HttpServerRequest request) {
        return revocations.logout(token.getClaim("sid"), Long.parseLong(token.getSubject()), Origins.of(request))
                .map(ignored -> RestResponse.noContent());
    }

    @GET
    @Path("session")
    @Authenticated
    @Operation(summary = "Check the bearer token", description = "Checks the token's signature, expiry and session,"
            + " and answers who it belongs to.")
    @APIResponse(responseCode = "200", description = "The token is valid")
    public SessionRecords.SessionView session() {
        return new SessionRecords.SessionView(token.getSubject(), token.getName(),
                token.getGroups().stream().findFirst().orElse(null), token.getClaim("sid"), token.getExpirationTime());
    }

    @GET
    @Path("sessions/revocations")
    @Operation(summary = "Read the revocation feed", description = "Revoked sessions whose access tokens may still be"
            + " unexpired, after sequence number 'after'; catalog polls it. Carries only opaque session ids and expiry"
            + " times, so it needs no token.")
    @APIResponse(responseCode = "200", description = "Entries in sequence order; pass 'last' as 'after' next time")
    public Uni<SessionRecords.RevocationFeed> revocations(
            @Parameter(description = "Sequence number already seen, default 0", example = "0") @QueryParam("after") String after) {
        return feed.after(sequence(after)).map(SessionRecords.RevocationFeed::of);
    }

    @GET
    @Path(".well-known/jwks.json")
    @Operation(summary = "Read the public keys", description = "The JSON Web Key Set that verifies the access tokens;"
            + " a token's kid names its key.")
    @APIResponse(responseCode = "200", description = "The key set")
    public SessionRecords.KeySet jwks() {
        return new SessionRecords.KeySet(keys.publicJwks());
    }

    private static long sequence(String after) {
        if (after == null || after.isBlank()) {
            return 0;
        }
        try {
            long value = Long.parseLong(after.trim());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest("after", "must be a whole number >= 0");
    }
}
