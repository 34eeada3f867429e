package org.videoclub.catalog.repository;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.videoclub.catalog.model.Genre;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@WithSession
@DatabaseDeadline
@ApplicationScoped
public class GenreRepository implements PanacheRepository<Genre> {

    /** Up to {@code size} genres with an id above {@code afterId}, in id order (primary-key range scan). */
    public Uni<List<Genre>> page(long afterId, int size) {
        return find("id > ?1", Sort.by("id"), afterId).range(0, size - 1).list();
    }

    public Uni<Genre> findByNameKey(String nameKey) {
        return find("nameKey", nameKey).firstResult();
    }

    public Uni<List<Genre>> findByIds(Collection<Long> ids) {
        return list("id in ?1", Sort.by("id"), ids);
    }
}
