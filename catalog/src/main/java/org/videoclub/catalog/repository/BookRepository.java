package org.videoclub.catalog.repository;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;
import org.videoclub.catalog.model.Book;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@WithSession
@ApplicationScoped
public class BookRepository implements PanacheRepository<Book> {

    /**
     * Ids of up to {@code size} books matching {@code filter} with an id above {@code afterId}, in id order. Native SQL
     * because the full-text search (MATCH ... AGAINST) has no HQL form; every other filter walks an index ending in id.
     */
    public Uni<List<Long>> pageIds(BookFilter filter, long afterId, int size) {
        StringBuilder sql = new StringBuilder("SELECT b.id FROM book b WHERE b.id > ?");
        List<Object> parameters = new ArrayList<>();
        parameters.add(afterId);
        if (filter.fullTextQuery() != null) {
            sql.append(" AND MATCH (b.title, b.author) AGAINST (? IN BOOLEAN MODE)");
            parameters.add(filter.fullTextQuery());
        }
        if (filter.genreId() != null) {
            sql.append(" AND b.id IN (SELECT bg.book_id FROM book_genre bg WHERE bg.genre_id = ?)");
            parameters.add(filter.genreId());
        }
        if (filter.genreNameKey() != null) {
            sql.append(" AND b.id IN (SELECT bg.book_id FROM book_genre bg JOIN genre g ON g.id = bg.genre_id"
                    + " WHERE g.name_key = ?)");
            parameters.add(filter.genreNameKey());
        }
        if (filter.author() != null) {
            sql.append(" AND b.author = ?");
            parameters.add(filter.author());
        }
        if (filter.isbn() != null) {
            sql.append(" AND b.isbn = ?");
            parameters.add(filter.isbn());
        }
        sql.append(" ORDER BY b.id LIMIT ").append(size);
        return Panache.getSession().chain(session -> {
            Mutiny.SelectionQuery<Long> query = session.createNativeQuery(sql.toString(), Long.class);
            for (int i = 0; i < parameters.size(); i++) {
                query.setParameter(i + 1, parameters.get(i));
            }
            return query.getResultList();
        });
    }

    /**
     * Ids of up to {@code limit} books matching the full-text {@code expression}, sorted. No ORDER BY: MariaDB would
     * materialise and filesort every match for it (the cost this list is cached to avoid), and sorting ids here is
     * cheaper; with a limit below the number of matches the ids are an arbitrary subset.
     */
    public Uni<long[]> fullTextIds(String expression, int limit) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT b.id FROM book b WHERE MATCH (b.title, b.author) AGAINST (? IN BOOLEAN MODE)"
                        + " LIMIT " + limit, Long.class)
                .setParameter(1, expression)
                .getResultList())
                .map(ids -> ids.stream().mapToLong(Long::longValue).sorted().toArray());
    }

    /** The books of {@code ids} with their genres, in id order. */
    public Uni<List<Book>> findWithGenres(List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return find("select distinct b from Book b left join fetch b.genres where b.id in ?1 order by b.id", ids).list();
    }

    public Uni<Book> findWithGenres(long id) {
        // list(), not firstResult(): a row limit on a collection fetch makes Hibernate warn (HHH90003004) on every call.
        return find("select distinct b from Book b left join fetch b.genres where b.id = ?1", id).list()
                .map(books -> books.isEmpty() ? null : books.get(0));
    }

    public Uni<Book> findByIsbn(String isbn) {
        return find("isbn", isbn).firstResult();
    }
}
