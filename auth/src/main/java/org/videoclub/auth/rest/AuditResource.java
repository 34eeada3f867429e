package org.videoclub.auth.rest;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.videoclub.auth.model.AuditEvent;
import org.videoclub.auth.model.AuditEventType;
import org.videoclub.auth.service.AuditService;
import org.videoclub.auth.service.ProblemException;

import io.smallrye.mutiny.Uni;

@Path("/audit-events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit", description = "Security events, for admins: logins, throttling, revocations, account changes.")
public class AuditResource {

    /** The event types, as the API names them. */
    private static final String TYPES = "login.succeeded, login.failed, login.throttled, refresh-token.reused, logout,"
            + " user.signed-up, user.role-changed, user.password-changed, user.deleted, key.rotated";

    private final AuditService audit;

    AuditResource(AuditService audit) {
        this.audit = audit;
    }

    @Schema(name = "AuditEvent", description = "A security event; never carries a password or a token")
    record AuditEventView(
            long id,
            @Schema(description = "When it happened") Instant at,
            @Schema(description = "One of: " + TYPES) String type,
            @Schema(description = "Id of the user who did it; null for an anonymous caller or auth itself")
            Long actorId,
            @Schema(description = "Id of the account it concerns; null when no account is known") Long subjectId,
            @Schema(description = "X-Request-Id of the request") String requestId,
            @Schema(description = "Address of the caller") String client) {
        static AuditEventView of(AuditEvent event) {
            return new AuditEventView(event.id, event.at, event.type.wireName(), event.actorId, event.subjectId,
                    event.requestId, event.client);
        }
    }

    @Schema(name = "AuditEventPage")
    record AuditEventPage(List<AuditEventView> items, @Schema(nullable = true,
            description = "Cursor of the next page, or null on the last one") String next) {
    }

    @GET
    @RolesAllowed("admin")
    @Operation(summary = "Security events", description = "Admins only; newest first, keyset-paginated. Events are"
            + " kept for AUTH_AUDIT_RETENTION (default 90 days).")
    @APIResponse(responseCode = "200", description = "A page of events",
            headers = @Header(name = "Link", ref = "Link"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AuditEventPage.class)))
    @APIResponse(responseCode = "400", description = "Bad limit, cursor, type or userId",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<Page<AuditEventView>>> list(
            @Parameter(description = "1 to 100, default 20") @QueryParam("limit") String limit,
            @Parameter(description = "'next' of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Only events of this type", schema = @Schema(type = SchemaType.STRING,
                    enumeration = { "login.succeeded", "login.failed", "login.throttled", "refresh-token.reused",
                            "logout", "user.signed-up", "user.role-changed", "user.password-changed", "user.deleted",
                            "key.rotated" })) @QueryParam("type") String type,
            @Parameter(description = "Only events by or about this user id") @QueryParam("userId") String userId,
            @Context UriInfo uri) {
        int size = Page.limit(limit);
        long after = Page.after(cursor);
        long before = cursor == null || cursor.isBlank() ? Long.MAX_VALUE : after;
        return audit.list(before, type(type), userId(userId), size)
                .map(rows -> Page.of(rows, size, event -> event.id, AuditEventView::of, uri));
    }

    private static AuditEventType type(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        AuditEventType known = AuditEventType.of(type.trim());
        if (known == null) {
            throw ProblemException.badRequest("type", "must be one of: " + TYPES);
        }
        return known;
    }

    private static Long userId(String userId) {
        if (userId == null || userId.isBlank()) {
            return null;
        }
        try {
            long value = Long.parseLong(userId.trim());
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest("userId", "must be a whole number >= 1");
    }
}
