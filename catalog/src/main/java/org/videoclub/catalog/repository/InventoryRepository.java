package org.videoclub.catalog.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.videoclub.catalog.model.InventoryItem;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@WithSession
@DatabaseDeadline
@ApplicationScoped
public class InventoryRepository implements PanacheRepository<InventoryItem> {

    /** Up to {@code size} items (with their book) with an id above {@code afterId}, in id order. */
    public Uni<List<InventoryItem>> page(Long bookId, Boolean inStock, long afterId, int size) {
        StringBuilder query = new StringBuilder("from InventoryItem i join fetch i.book where i.id > :after");
        Parameters parameters = Parameters.with("after", afterId);
        if (bookId != null) {
            query.append(" and i.book.id = :bookId");
            parameters.and("bookId", bookId);
        }
        if (inStock != null) {
            query.append(" and i.inStock = :inStock");
            parameters.and("inStock", inStock);
        }
        query.append(" order by i.id");
        return find(query.toString(), parameters).range(0, size - 1).list();
    }

    public Uni<InventoryItem> findWithBook(long id) {
        return find("from InventoryItem i join fetch i.book where i.id = ?1", id).firstResult();
    }

    public Uni<Boolean> existsForBook(long bookId) {
        return count("book.id", bookId).map(count -> count > 0);
    }

    /**
     * Adds {@code delta} to the stock in one UPDATE, so that concurrent changes are serialised by the row lock and never
     * lost or oversold. Returns 0 when the item does not exist or the stock would leave 0..MAX_STOCK.
     */
    public Uni<Integer> changeStock(long id, int delta, Instant now) {
        return update("stock = stock + :delta, version = version + 1, updatedAt = :now"
                + " where id = :id and stock + :delta between 0 and :max",
                Parameters.with("delta", delta).and("now", now).and("id", id).and("max", InventoryItem.MAX_STOCK));
    }
}
