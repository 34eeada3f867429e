package org.videoclub.catalog.service;

import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;

/**
 * The steps that reading and changing one genre, inventory item or book by id take alike, written once: find it (404),
 * check {@code If-Match} against its version (412), validate the request (422; a PATCH after the merge), apply it,
 * persist and flush, so that a unique key or version conflict fails inside the write. What is each kind's own (its
 * 409s, the references it checks, what else a change touches) is the {@code apply} its service passes. The session
 * or transaction is the caller's: {@code @WithSession} or {@code @WithTransaction} on the service's public methods.
 *
 * @param <E> the entity
 * @param <R> the request that creates or replaces it (and that a merge patch is applied to)
 */
final class EntityWrites<E, R> {

    private final String noun;
    private final PanacheRepository<E> repository;
    private final LongFunction<Uni<E>> findById;
    private final ToIntFunction<E> version;
    private final Class<R> requestType;
    private final Function<E, R> current;
    private final RequestValidator validator;
    private final JsonPatches patches;

    /**
     * @param noun what a 404 calls the entity: "There is no {@code noun} 7."
     * @param findById the entity with what a write needs of it (its associations), or null when there is none
     * @param current the request that would leave the entity as it is: what a merge patch changes
     */
    EntityWrites(String noun, PanacheRepository<E> repository, LongFunction<Uni<E>> findById, ToIntFunction<E> version,
            Class<R> requestType, Function<E, R> current, RequestValidator validator, JsonPatches patches) {
        this.noun = noun;
        this.repository = repository;
        this.findById = findById;
        this.version = version;
        this.requestType = requestType;
        this.current = current;
        this.validator = validator;
        this.patches = patches;
    }

    Uni<E> find(long id) {
        return findById.apply(id).onItem().ifNull().failWith(() -> notFound(id));
    }

    ProblemException notFound(long id) {
        return ProblemException.notFound("There is no " + noun + " " + id + ".");
    }

    /** {@link #find}, then 412 unless {@code expectedVersion} (from If-Match) is null (no condition) or the current one. */
    Uni<E> findForChange(long id, Long expectedVersion) {
        return find(id).invoke(entity -> {
            int actual = version.applyAsInt(entity);
            if (expectedVersion != null && expectedVersion != actual) {
                throw ProblemException.of(412, "The resource has changed since it was read: its ETag is now \"" + actual
                        + "\". Read it again and retry.");
            }
        });
    }

    /** {@code newEntity}: an entity with its creation time set, given its fields by {@code apply}. */
    Uni<E> create(R request, Supplier<E> newEntity, BiFunction<E, R, Uni<E>> apply) {
        return Uni.createFrom().item(() -> validator.check(request))
                .chain(valid -> apply.apply(newEntity.get(), valid).chain(repository::persist))
                .call(repository::flush);
    }

    Uni<E> replace(long id, Long expectedVersion, R request, BiFunction<E, R, Uni<E>> apply) {
        return Uni.createFrom().item(() -> validator.check(request))
                .chain(valid -> findForChange(id, expectedVersion).chain(entity -> apply.apply(entity, valid)))
                .call(repository::flush);
    }

    /** The current request with {@code patch} merged in (RFC 7396), validated and applied like a replace. */
    Uni<E> patch(long id, Long expectedVersion, JsonNode patch, BiFunction<E, R, Uni<E>> apply) {
        return findForChange(id, expectedVersion)
                .chain(entity -> patches.merge(current.apply(entity), patch, requestType)
                        .map(validator::check)
                        .chain(valid -> apply.apply(entity, valid)))
                .call(repository::flush);
    }

    /** {@code beforeDelete}: what must happen (or be refused) while the entity still exists. */
    Uni<Void> delete(long id, Long expectedVersion, Function<E, Uni<?>> beforeDelete) {
        return findForChange(id, expectedVersion).call(beforeDelete).chain(repository::delete);
    }
}
