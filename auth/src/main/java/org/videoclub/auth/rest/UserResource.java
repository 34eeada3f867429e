package org.videoclub.auth.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.videoclub.auth.model.Role;
import org.videoclub.auth.service.UserService;
import org.videoclub.auth.service.UserService.Caller;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

@Path("/users")
@Cancellable(false) // a request runs to completion when its client hangs up: no write is cut in half
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "users")
public class UserResource {

    private final UserService users;
    private final JsonWebToken token;
    private final CurrentIdentityAssociation identity;

    UserResource(UserService users, JsonWebToken token, CurrentIdentityAssociation identity) {
        this.users = users;
        this.token = token;
        this.identity = identity;
    }

    @POST
    @Operation(summary = "Sign up", description = "Anyone may sign up as a reader; an admin may also set the role.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new user")
    @APIResponse(responseCode = "400", description = "Malformed JSON")
    @APIResponse(responseCode = "403", description = "A role other than reader, asked for by a non-admin")
    @APIResponse(responseCode = "409", description = "The username is taken (without regard to case)")
    @APIResponse(responseCode = "422", description = "Invalid username or password")
    @APIResponse(responseCode = "503", description = "Too many passwords being hashed right now; see Retry-After")
    public Uni<RestResponse<UserRecords.UserView>> create(@Valid @NotNull UserRecords.NewUser body, @Context UriInfo uri,
            @Context HttpServerRequest request) {
        return identity.getDeferredIdentity()
                .flatMap(caller -> users.create(body.username(), body.password(), body.role(), callerOrNull(caller),
                        Origins.of(request)))
                .map(user -> RestResponse.ResponseBuilder
                        .<UserRecords.UserView> created(URI.create(uri.getBaseUri().getPath() + "users/" + user.id))
                        .entity(UserRecords.UserView.of(user))
                        .tag(Versions.tag(user.version))
                        .build());
    }

    @GET
    @RolesAllowed("admin")
    @Operation(summary = "List users", description = "Admins only; keyset-paginated in id order.")
    @APIResponse(responseCode = "200", description = "A page of users")
    @APIResponse(responseCode = "400", description = "Bad limit or cursor")
    public Uni<RestResponse<Page<UserRecords.UserView>>> list(
            @Parameter(description = "1 to 100, default 20") @QueryParam("limit") String limit,
            @Parameter(description = "'next' of the previous page") @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        int size = Page.limit(limit);
        return users.list(Page.after(cursor), size)
                .map(rows -> Page.of(rows, size, user -> user.id, UserRecords.UserView::of, uri));
    }

    @GET
    @Path("/me")
    @Authenticated
    @Operation(summary = "The signed-in user")
    @APIResponse(responseCode = "200", description = "The caller's account")
    public Uni<RestResponse<UserRecords.UserView>> me() {
        Caller caller = caller();
        return users.get(caller.userId(), caller).map(UserResource::withTag);
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "One user", description = "Yourself, or anyone for an admin.")
    @APIResponse(responseCode = "200", description = "The user, with its version as ETag")
    @APIResponse(responseCode = "403", description = "Another user's account")
    @APIResponse(responseCode = "404", description = "No such user")
    public Uni<RestResponse<UserRecords.UserView>> get(@PathParam("id") long id) {
        return users.get(id, caller()).map(UserResource::withTag);
    }

    @PATCH
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "Change a user", description = "Yourself: username, password (with currentPassword). "
            + "Admins also: role, and other users. A password or role change signs the user out everywhere.")
    @APIResponse(responseCode = "200", description = "The changed user")
    @APIResponse(responseCode = "403", description = "Another user's account, or a role change by a non-admin")
    @APIResponse(responseCode = "404", description = "No such user")
    @APIResponse(responseCode = "409", description = "Username taken, or the last admin would lose the role")
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
    @APIResponse(responseCode = "422", description = "Invalid field, or a wrong/missing currentPassword")
    @APIResponse(responseCode = "429", description = "Too many wrong passwords for this account; see Retry-After")
    @APIResponse(responseCode = "503", description = "Too many passwords being hashed right now; see Retry-After")
    public Uni<RestResponse<UserRecords.UserView>> update(@PathParam("id") long id,
            @Valid @NotNull UserRecords.UserPatch body,
            @Parameter(description = "The ETag of the version being changed") @HeaderParam("If-Match") String ifMatch,
            @Context HttpServerRequest request) {
        return users.update(id, new UserService.UserChange(body.username(), body.password(), body.currentPassword(),
                body.role()), Versions.expected(ifMatch), caller(), Origins.of(request)).map(UserResource::withTag);
    }

    @DELETE
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "Delete a user", description = "Yourself, or anyone for an admin; ends all its sessions.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "Another user's account")
    @APIResponse(responseCode = "404", description = "No such user")
    @APIResponse(responseCode = "409", description = "The last admin")
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
    public Uni<RestResponse<Void>> delete(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @Context HttpServerRequest request) {
        return users.delete(id, Versions.expected(ifMatch), caller(), Origins.of(request))
                .map(ignored -> RestResponse.noContent());
    }

    private static RestResponse<UserRecords.UserView> withTag(org.videoclub.auth.model.User user) {
        return RestResponse.ResponseBuilder.ok(UserRecords.UserView.of(user)).tag(Versions.tag(user.version)).build();
    }

    private Caller caller() {
        return new Caller(Long.parseLong(token.getSubject()), role(token));
    }

    private static Caller callerOrNull(SecurityIdentity identity) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return null;
        }
        return new Caller(Long.parseLong(jwt.getSubject()), role(jwt));
    }

    private static Role role(JsonWebToken jwt) {
        return jwt.getGroups().stream().findFirst().map(Role::valueOf).orElse(Role.reader);
    }
}
