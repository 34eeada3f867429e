package org.videoclub.auth.rest;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.videoclub.auth.model.Role;
import org.videoclub.auth.model.User;
import org.videoclub.auth.service.Usernames;

/** Request and response bodies of /users. */
final class UserRecords {

    static final String USERNAME_PATTERN = Usernames.PATTERN;
    static final String USERNAME_MESSAGE = Usernames.RULE;

    private UserRecords() {
    }

    @Schema(name = "NewUser")
    record NewUser(
            @NotNull @Pattern(regexp = USERNAME_PATTERN, message = USERNAME_MESSAGE) String username,
            @NotNull @Password String password,
            @Schema(description = "Only an admin may set it; everyone else gets reader") Role role) {
    }

    @Schema(name = "UserChange", description = "Fields to change; omitted fields stay as they are")
    record UserPatch(
            @Pattern(regexp = USERNAME_PATTERN, message = USERNAME_MESSAGE) String username,
            @Password String password,
            @Size(max = 200) @Schema(description = "Required when you change your own password") String currentPassword,
            @Schema(description = "Admins only") Role role) {
    }

    @Schema(name = "User")
    record UserView(long id, String username, Role role, Instant createdAt, Instant updatedAt) {
        static UserView of(User user) {
            return new UserView(user.id, user.username, user.role, user.createdAt, user.updatedAt);
        }
    }
}
