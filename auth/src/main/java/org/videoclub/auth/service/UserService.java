package org.videoclub.auth.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.videoclub.auth.model.Role;
import org.videoclub.auth.model.User;
import org.videoclub.auth.repository.DatabaseDeadline;
import org.videoclub.auth.repository.UserRepository;
import org.videoclub.auth.security.PasswordHasher;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Accounts: sign-up, reads, changes and deletion, with the self-or-admin rules of SPEC section 3. */
@ApplicationScoped
@DatabaseDeadline
public class UserService {

    /** Who is asking: the user id and role from the access token. */
    public record Caller(long userId, Role role) {
        boolean isAdmin() {
            return role == Role.admin;
        }
    }

    /** Fields of a change; null means unchanged. */
    public record UserChange(String username, String password, String currentPassword, Role role) {
    }

    private final UserRepository users;
    private final SessionService sessions;
    private final PasswordHasher hasher;

    UserService(UserRepository users, SessionService sessions, PasswordHasher hasher) {
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
    }

    /** Creates an account; only an admin may choose its role, everyone else gets reader. */
    public Uni<User> create(String username, String password, Role requestedRole, Caller caller) {
        Role role = requestedRole == null ? Role.reader : requestedRole;
        if (role != Role.reader && (caller == null || !caller.isAdmin())) {
            return Uni.createFrom().failure(ProblemException.forbidden("Only an admin may choose the role of a new user."));
        }
        return hasher.hash(password).flatMap(hash -> Panache.withTransaction(() -> users.findByUsername(username)
                .flatMap(existing -> {
                    if (existing != null) {
                        throw ProblemException.conflict("The username '" + username + "' is taken.");
                    }
                    Instant now = Instant.now();
                    User user = new User();
                    user.username = username;
                    user.passwordHash = hash;
                    user.role = role;
                    user.createdAt = now;
                    user.updatedAt = now;
                    return users.persist(user);
                })));
    }

    /** One page of users in id order, {@code limit + 1} fetched so the caller can tell whether more follow. */
    public Uni<List<User>> list(long afterId, int limit) {
        return users.pageAfter(afterId, limit + 1);
    }

    public Uni<User> get(long id, Caller caller) {
        return visible(id, caller);
    }

    /**
     * Applies a change. A password change by the user needs the current password; a password or role change ends
     * every session of the user. The last admin cannot lose the role.
     */
    public Uni<User> update(long id, UserChange change, Long expectedVersion, Caller caller) {
        boolean self = caller.userId() == id;
        if (change.role() != null && !caller.isAdmin()) {
            return Uni.createFrom().failure(ProblemException.forbidden("Only an admin may change roles."));
        }
        if (change.password() != null && self && change.currentPassword() == null) {
            return Uni.createFrom().failure(ProblemException.invalid("currentPassword",
                    "is required to change your own password"));
        }
        Uni<String> newHash = change.password() == null ? Uni.createFrom().nullItem() : hasher.hash(change.password());
        return visible(id, caller)
                .call(user -> checkVersion(user, expectedVersion))
                .call(user -> change.password() != null && self
                        ? hasher.matches(change.currentPassword(), user.passwordHash).invoke(matches -> {
                            if (!matches) {
                                throw ProblemException.invalid("currentPassword", "is not your current password");
                            }
                        })
                        : Uni.createFrom().voidItem())
                .flatMap(checked -> newHash)
                .flatMap(hash -> Panache.withTransaction(() -> users.findById(id)
                        .call(user -> checkVersion(user, expectedVersion))
                        .call(user -> change.username() == null || change.username().equalsIgnoreCase(user.username)
                                ? Uni.createFrom().voidItem()
                                : users.findByUsername(change.username()).invoke(other -> {
                                    if (other != null) {
                                        throw ProblemException.conflict(
                                                "The username '" + change.username() + "' is taken.");
                                    }
                                }))
                        .call(user -> change.role() != null && user.role == Role.admin && change.role() != Role.admin
                                ? refuseIfLastAdmin()
                                : Uni.createFrom().voidItem())
                        .call(user -> {
                            boolean endSessions = hash != null || (change.role() != null && change.role() != user.role);
                            if (change.username() != null) {
                                user.username = change.username();
                            }
                            if (hash != null) {
                                user.passwordHash = hash;
                            }
                            if (change.role() != null) {
                                user.role = change.role();
                            }
                            user.updatedAt = Instant.now();
                            return endSessions ? sessions.revokeAllOf(user.id) : Uni.createFrom().voidItem();
                        })
                        .call(user -> users.flush())));
    }

    /** Deletes the account and revokes its sessions. The last admin cannot be deleted. */
    public Uni<Void> delete(long id, Long expectedVersion, Caller caller) {
        return visible(id, caller)
                .flatMap(found -> Panache.withTransaction(() -> users.findById(id)
                        .call(user -> checkVersion(user, expectedVersion))
                        .call(user -> user.role == Role.admin ? refuseIfLastAdmin() : Uni.createFrom().voidItem())
                        .call(user -> sessions.revokeAllOf(user.id))
                        .call(user -> users.delete(user))))
                .replaceWithVoid();
    }

    /** The user, if the caller may see it: 404 when it does not exist, 403 when it is someone else's. */
    private Uni<User> visible(long id, Caller caller) {
        if (caller.userId() != id && !caller.isAdmin()) {
            return Uni.createFrom().failure(ProblemException.forbidden("You may only access your own account."));
        }
        return users.findById(id).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("No user with id " + id + "."));
    }

    private static Uni<Void> checkVersion(User user, Long expectedVersion) {
        if (user == null) {
            return Uni.createFrom().failure(ProblemException.notFound("The user no longer exists."));
        }
        if (expectedVersion != null && expectedVersion != user.version) {
            return Uni.createFrom().failure(ProblemException.preconditionFailed(
                    "The user has changed since version " + expectedVersion + " (now " + user.version + ")."));
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> refuseIfLastAdmin() {
        return users.countByRole(Role.admin).invoke(admins -> {
            if (admins <= 1) {
                throw ProblemException.conflict("This is the last admin; make another admin first.");
            }
        }).replaceWithVoid();
    }
}
