package org.videoclub.auth.service;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.videoclub.auth.model.Role;
import org.videoclub.auth.model.User;
import org.videoclub.auth.repository.UserRepository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * The last admin can neither lose the role nor be deleted (SPEC section 3). A change that could leave no admin locks
 * every admin row first, in its own transaction, and decides on the admins that are left: the database's lock is what
 * decides, across instances too.
 */
@ApplicationScoped
class LastAdminRule {

    private static final String ADMIN_CHANGES = "videoclub.auth.admin-changes";
    private static final Duration ADMIN_CHANGE_WAIT = Duration.ofSeconds(30);

    private final UserRepository users;
    private final Vertx vertx;

    LastAdminRule(UserRepository users, Vertx vertx) {
        this.users = users;
        this.vertx = vertx;
    }

    /**
     * Runs a change that could leave no admin after the other such changes of this instance, one at a time. This queue
     * only keeps a burst of such changes from each holding a pooled connection while it waits for the admin rows' lock,
     * which would leave none for other requests. Vert.x's own asynchronous lock: the waiting requests hold no thread
     * and no connection.
     */
    <T> Uni<T> oneAtATime(boolean couldLeaveNoAdmin, Supplier<Uni<T>> change) {
        if (!couldLeaveNoAdmin) {
            return change.get();
        }
        return vertx.sharedData().getLocalLockWithTimeout(ADMIN_CHANGES, ADMIN_CHANGE_WAIT.toMillis())
                .onFailure().transform(e -> ProblemException.unavailable(
                        "Too many account changes at once; try again shortly.", 1))
                .flatMap(lock -> change.get().eventually(lock::release));
    }

    /** Every admin, locked until the caller's transaction ends; to take before the changed user's own row. */
    Uni<List<User>> lockAdmins(boolean couldLeaveNoAdmin) {
        return couldLeaveNoAdmin ? users.lockAdmins() : Uni.createFrom().item(List.of());
    }

    /** A 409 when {@code user}, an admin about to stop being one, is the last of the {@code lockedAdmins}. */
    static Uni<Void> refuseIfLast(User user, List<User> lockedAdmins) {
        if (user.role == Role.admin && lockedAdmins.size() <= 1) {
            return Uni.createFrom().failure(
                    ProblemException.conflict("This is the last admin; make another admin first."));
        }
        return Uni.createFrom().voidItem();
    }
}
