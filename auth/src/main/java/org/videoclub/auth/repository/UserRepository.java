package org.videoclub.auth.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.videoclub.auth.model.Role;
import org.videoclub.auth.model.User;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
@DatabaseDeadline
public class UserRepository implements PanacheRepositoryBase<User, Long> {

    /** Case-insensitive through the column's collation. */
    public Uni<User> findByUsername(String username) {
        return find("username", username).firstResult();
    }

    /** Up to {@code limit} users with an id above {@code afterId}, in id order (keyset pagination). */
    public Uni<List<User>> pageAfter(long afterId, int limit) {
        return find("id > ?1 order by id", afterId).range(0, limit - 1).list();
    }

    public Uni<Long> countByRole(Role role) {
        return count("role", role);
    }
}
