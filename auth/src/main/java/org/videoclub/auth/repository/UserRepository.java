package org.videoclub.auth.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.videoclub.auth.model.Role;
import org.videoclub.auth.model.User;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
@DatabaseDeadline
public class UserRepository implements PanacheRepositoryBase<User, Long> {

    /** By canonical username (lower-case ASCII; the column compares bytes). */
    public Uni<User> findByCanonical(String canonical) {
        return find("usernameCanonical", canonical).firstResult();
    }

    /** The user, its row locked for update until the transaction ends; null when there is none. */
    public Uni<User> findForUpdate(long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Every admin, their rows locked for update until the transaction ends: changes that could leave no admin take
     * this lock first, so that two of them decide one after the other on the admins that are left.
     */
    public Uni<List<User>> lockAdmins() {
        return find("role = ?1 order by id", Role.admin).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** Up to {@code limit} users with an id above {@code afterId}, in id order (keyset pagination). */
    public Uni<List<User>> pageAfter(long afterId, int limit) {
        return find("id > ?1 order by id", afterId).range(0, limit - 1).list();
    }

    public Uni<Long> countByRole(Role role) {
        return count("role", role);
    }
}
