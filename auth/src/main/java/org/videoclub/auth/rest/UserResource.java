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
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.videoclub.auth.model.Role;
import org.videoclub.auth.model.User;
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
@Tag(name = "users", description = "Accounts and their roles: reader, editor, admin.")
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
    @Operation(summary = "Sign up", description = "Anyone may sign up, and gets the reader role; an admin (sending"
            + " a bearer token) may also set the role. The username is unique without regard to letter case.")
    @APIResponseSchema(value = UserRecords.UserView.class, responseCode = "201", responseDescription = "The new user")
    @APIResponse(responseCode = "401", description = "A bearer token was sent and does not hold (a token is optional here)")
    @APIResponse(responseCode = "403", description = "A role other than reader, asked for by a non-admin")
    @APIResponse(responseCode = "409", description = "The username is taken (without regard to case)")
    public Uni<RestResponse<UserRecords.UserView>> createUser(@Valid @NotNull UserRecords.NewUser body, @Context UriInfo uri,
            @Context HttpServerRequest request) {
        return identity.getDeferredIdentity()
                .flatMap(caller -> users.create(body.username(), body.password(), body.role(), callerOrNull(caller),
                        Origins.of(request)))
                .map(user -> RestResponse.ResponseBuilder
                        .<UserRecords.UserView> created(URI.create(uri.getBaseUri().getPath() + "users/" + user.id))
                        .entity(UserRecords.UserView.of(user))
                        .tag(etag(user))
                        .build());
    }

    @GET
    @RolesAllowed("admin")
    @Operation(summary = "List users", description = "Every account in id order, a page at a time; admins only.")
    @APIResponse(responseCode = "200", description = "A page of users")
    public Uni<RestResponse<Page<UserRecords.UserView>>> listUsers(
            @Parameter(description = "Page size, 1 to 100 (default 20)", example = "20") @QueryParam("limit") String limit,
            @Parameter(description = "The 'next' of the previous page") @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        int size = Page.limit(limit);
        return users.list(Page.after(cursor), size)
                .map(rows -> Page.of(rows, size, user -> user.id, UserRecords.UserView::of, uri));
    }

    @GET
    @Path("/me")
    @Authenticated
    @Operation(summary = "Read your own account", description = "The account of the bearer token's user.")
    @APIResponse(responseCode = "200", description = "The caller's account", headers = @Header(name = "ETag", ref = "ETag"))
    public Uni<RestResponse<UserRecords.UserView>> getMe() {
        Caller caller = caller();
        return users.get(caller.userId(), caller).map(UserResource::withTag);
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "Read one user", description = "Your own account, or anyone's for an admin.")
    @APIResponse(responseCode = "200", description = "The user", headers = @Header(name = "ETag", ref = "ETag"))
    @APIResponse(responseCode = "403", description = "Another user's account, asked for by a non-admin")
    public Uni<RestResponse<UserRecords.UserView>> getUser(@PathParam("id") long id) {
        return users.get(id, caller()).map(UserResource::withTag);
    }

    @PATCH
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "Change a user", description = "The fields sent change, the others stay. Your own account:"
            + " username, and password with currentPassword. An admin also: role, and other users' accounts. A password"
            + " or role change signs the user out everywhere.")
    @APIResponse(responseCode = "200", description = "The user as it is now", headers = @Header(name = "ETag", ref = "ETag"))
    @APIResponse(responseCode = "403", description = "Another user's account, or a role change, by a non-admin")
    @APIResponse(responseCode = "409", description = "The username is taken, or the last admin would lose the role")
    @APIResponse(responseCode = "422", description = "A field is not valid, or currentPassword is wrong or missing")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Uni<RestResponse<UserRecords.UserView>> updateUser(@PathParam("id") long id,
            @Valid @NotNull UserRecords.UserPatch body,
            @HeaderParam("If-Match") String ifMatch, @Context HttpServerRequest request) {
        return users.update(id, new UserService.UserChange(body.username(), body.password(), body.currentPassword(),
                body.role()), IfMatch.expectedVersion(ifMatch), caller(), Origins.of(request)).map(UserResource::withTag);
    }

    @DELETE
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "Delete a user", description = "Your own account, or anyone's for an admin; every session of"
            + " the account ends.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "Another user's account, asked for by a non-admin")
    @APIResponse(responseCode = "409", description = "The last admin cannot be deleted")
    public Uni<RestResponse<Void>> deleteUser(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @Context HttpServerRequest request) {
        return users.delete(id, IfMatch.expectedVersion(ifMatch), caller(), Origins.of(request))
                .map(ignored -> RestResponse.noContent());
    }

    private static RestResponse<UserRecords.UserView> withTag(org.videoclub.auth.model.User user) {
        return RestResponse.ResponseBuilder.ok(UserRecords.UserView.of(user)).tag(etag(user)).build();
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

    /** The ETag is the version (SPEC section 7), read back by {@link IfMatch}. */
    private static EntityTag etag(User user) {
        return new EntityTag(String.valueOf(user.version));
    }
}
