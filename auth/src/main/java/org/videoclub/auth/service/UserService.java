package org.videoclub.auth.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.videoclub.auth.model.AuditEventType;
import org.videoclub.auth.model.Role;
import org.videoclub.auth.model.User;
import org.videoclub.auth.repository.ConstraintViolations;
import org.videoclub.auth.repository.DatabaseDeadline;
import org.videoclub.auth.repository.UserRepository;
import org.videoclub.auth.security.PasswordHasher;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Accounts: sign-up, reads, changes and deletion, with the self-or-admin rules of SPEC section 3. Names are unique
 * in their canonical form (a unique key decides races: 409); the last admin stays one ({@link LastAdminRule}).
 */
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
    private final SessionRevocations revocations;
    private final LoginAttempts attempts;
    private final AuditService audit;
    private final PasswordHasher hasher;
    private final LastAdminRule lastAdmin;

    UserService(UserRepository users, SessionRevocations revocations, LoginAttempts attempts, AuditService audit,
            PasswordHasher hasher, LastAdminRule lastAdmin) {
        this.users = users;
        this.revocations = revocations;
        this.attempts = attempts;
        this.audit = audit;
        this.hasher = hasher;
        this.lastAdmin = lastAdmin;
    }

    /**
     * Creates an account; only an admin may choose its role, everyone else gets reader. A taken name is refused
     * before its password is hashed.
     */
    public Uni<User> create(String username, String password, Role requestedRole, Caller caller, Origin origin) {
        Role role = requestedRole == null ? Role.reader : requestedRole;
        if (role != Role.reader && (caller == null || !caller.isAdmin())) {
            return Uni.createFrom().failure(ProblemException.forbidden("Only an admin may choose the role of a new user."));
        }
        return insert(username, password, role, caller == null ? null : caller.userId(), origin);
    }

    /**
     * Makes the first admin unless an admin exists. When none exists and the name is taken by another account,
     * nothing is made and the answer says so.
     */
    public Uni<BootstrapOutcome> bootstrapAdmin(String username, String password) {
        return users.countByRole(Role.admin).flatMap(admins -> admins > 0
                ? Uni.createFrom().item(BootstrapOutcome.ADMIN_EXISTS)
                : insert(username, password, Role.admin, null, Origin.SYSTEM)
                        .map(user -> BootstrapOutcome.CREATED)
                        .onFailure(e -> e instanceof ProblemException problem && problem.status() == 409)
                        .recoverWithItem(BootstrapOutcome.NAME_TAKEN));
    }

    public enum BootstrapOutcome {
        CREATED, ADMIN_EXISTS, NAME_TAKEN
    }

    private Uni<User> insert(String username, String password, Role role, Long actorId, Origin origin) {
        String canonical = canonicalOrInvalid(username);
        return refuseIfTaken(canonical, username, null)
                .flatMap(free -> hashWithPermit(password))
                .flatMap(hash -> Panache.withTransaction(() -> {
                    Instant now = Instant.now();
                    User user = new User();
                    user.username = username;
                    user.usernameCanonical = canonical;
                    user.passwordHash = hash;
                    user.role = role;
                    user.createdAt = now;
                    user.updatedAt = now;
                    return users.persist(user)
                            .call(created -> audit.record(AuditEventType.SIGN_UP, actorId, created.id, origin));
                }))
                .onFailure(ConstraintViolations::isDuplicateKey).transform(e -> taken(username));
    }

    /** One page of users in id order, {@code limit + 1} fetched so the caller can tell whether more follow. */
    public Uni<List<User>> list(long afterId, int limit) {
        return users.pageAfter(afterId, limit + 1);
    }

    public Uni<User> get(long id, Caller caller) {
        return visible(id, caller);
    }

    /**
     * Applies a change. A password change by the user needs the current password, which counts as a login attempt
     * of the account (429 once it is locked); a password or role change ends every session of the user. The last
     * admin cannot lose the role.
     */
    public Uni<User> update(long id, UserChange change, Long expectedVersion, Caller caller, Origin origin) {
        boolean self = caller.userId() == id;
        if (change.role() != null && !caller.isAdmin()) {
            return Uni.createFrom().failure(ProblemException.forbidden("Only an admin may change roles."));
        }
        boolean checksCurrent = change.password() != null && self;
        if (checksCurrent && change.currentPassword() == null) {
            return Uni.createFrom().failure(ProblemException.invalid("currentPassword",
                    "is required to change your own password"));
        }
        String newCanonical = change.username() == null ? null : canonicalOrInvalid(change.username());
        return visible(id, caller)
                .call(user -> checkVersion(user, expectedVersion))
                .call(user -> refuseIfTaken(newCanonical, change.username(), user.id))
                .flatMap(user -> change.password() == null
                        ? Uni.createFrom().<String> nullItem()
                        : checksCurrent
                                ? checkCurrentThenHash(user, change, caller, origin)
                                : hashWithPermit(change.password()))
                .flatMap(hash -> lastAdmin.oneAtATime(change.role() != null,
                        () -> write(id, change, newCanonical, hash, expectedVersion, caller, origin)))
                .onFailure(ConstraintViolations::isDuplicateKey).transform(e -> taken(change.username()));
    }

    /** The change in one transaction; a role change locks the admin rows first and decides on them. */
    private Uni<User> write(long id, UserChange change, String newCanonical, String hash, Long expectedVersion,
            Caller caller, Origin origin) {
        boolean dropsAdmin = change.role() != null && change.role() != Role.admin;
        return Panache.withTransaction(() -> lastAdmin.lockAdmins(change.role() != null)
                .flatMap(admins -> users.findForUpdate(id)
                        .call(user -> checkVersion(user, expectedVersion))
                        .call(user -> dropsAdmin
                                ? LastAdminRule.refuseIfLast(user, admins)
                                : Uni.createFrom().voidItem())
                        .call(user -> apply(user, change, newCanonical, hash, caller, origin))
                        .call(user -> users.flush())));
    }

    private Uni<Void> apply(User user, UserChange change, String newCanonical, String hash, Caller caller,
            Origin origin) {
        boolean roleChanged = change.role() != null && change.role() != user.role;
        if (change.username() != null) {
            user.username = change.username();
            user.usernameCanonical = newCanonical;
        }
        if (hash != null) {
            user.passwordHash = hash;
        }
        if (change.role() != null) {
            user.role = change.role();
        }
        user.updatedAt = Instant.now();
        Uni<Void> done = Uni.createFrom().voidItem();
        if (hash != null || roleChanged) {
            done = done.call(() -> revocations.revokeAllOf(user.id));
        }
        if (hash != null) {
            done = done.call(() -> audit.record(AuditEventType.PASSWORD_CHANGED, caller.userId(), user.id, origin));
        }
        if (roleChanged) {
            done = done.call(() -> audit.record(AuditEventType.ROLE_CHANGED, caller.userId(), user.id, origin));
        }
        return done;
    }

    /**
     * The current password counts against the account's throttle before it is checked; the new one is hashed with
     * the same place in the bcrypt queue.
     */
    private Uni<String> checkCurrentThenHash(User user, UserChange change, Caller caller, Origin origin) {
        return attempts.admit(user.usernameCanonical, caller.userId(), user.id, origin)
                .flatMap(permit -> hasher.matches(permit, change.currentPassword(), user.passwordHash)
                        .flatMap(matches -> {
                            if (!matches) {
                                throw ProblemException.invalid("currentPassword", "is not your current password");
                            }
                            return Panache.withTransaction(() -> attempts.succeeded(user.usernameCanonical))
                                    .flatMap(ignored -> hasher.hash(permit, change.password()));
                        })
                        .eventually(permit::release));
    }

    /** Deletes the account and revokes its sessions. The last admin cannot be deleted. */
    public Uni<Void> delete(long id, Long expectedVersion, Caller caller, Origin origin) {
        return visible(id, caller)
                .flatMap(found -> lastAdmin.oneAtATime(true, () -> Panache.withTransaction(() -> lastAdmin
                        .lockAdmins(true)
                        .flatMap(admins -> users.findForUpdate(id)
                                .call(user -> checkVersion(user, expectedVersion))
                                .call(user -> LastAdminRule.refuseIfLast(user, admins))
                                .call(user -> revocations.revokeAllOf(user.id))
                                .call(user -> audit.record(AuditEventType.ACCOUNT_DELETED, caller.userId(), user.id,
                                        origin))
                                .call(user -> users.delete(user))))))
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

    private Uni<String> hashWithPermit(String password) {
        PasswordHasher.Permit permit = hasher.tryAdmit().orElse(null);
        if (permit == null) {
            return Uni.createFrom().failure(LoginAttempts.busy());
        }
        return hasher.hash(permit, password).eventually(permit::release);
    }

    /** A 409 when another account than {@code ownId} has the canonical name; nothing to check when it is null. */
    private Uni<Void> refuseIfTaken(String canonical, String spelled, Long ownId) {
        if (canonical == null) {
            return Uni.createFrom().voidItem();
        }
        return users.findByCanonical(canonical).invoke(other -> {
            if (other != null && !other.id.equals(ownId)) {
                throw taken(spelled);
            }
        }).replaceWithVoid();
    }

    private static String canonicalOrInvalid(String username) {
        String canonical = Usernames.canonical(username);
        if (canonical == null || !canonical.equalsIgnoreCase(username)) {
            throw ProblemException.invalid("username", Usernames.RULE);
        }
        return canonical;
    }

    private static ProblemException taken(String username) {
        return ProblemException.conflict("The username '" + username + "' is taken.");
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
}
