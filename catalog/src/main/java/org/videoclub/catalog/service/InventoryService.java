package org.videoclub.catalog.service;

import java.math.BigDecimal;

import jakarta.enterprise.context.ApplicationScoped;

import org.videoclub.catalog.model.InventoryItem;
import org.videoclub.catalog.repository.DatabaseDeadline;
import org.videoclub.catalog.repository.BookRepository;
import org.videoclub.catalog.repository.InventoryRepository;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@DatabaseDeadline
public class InventoryService {

    private final InventoryRepository inventory;
    private final BookRepository books;
    private final RequestValidator validator;
    private final JsonPatches patches;

    InventoryService(InventoryRepository inventory, BookRepository books, RequestValidator validator, JsonPatches patches) {
        this.inventory = inventory;
        this.books = books;
        this.validator = validator;
        this.patches = patches;
    }

    @WithSession
    public Uni<PageRequest.Page<InventoryItem>> list(Long bookId, Boolean inStock, PageRequest page) {
        return inventory.page(bookId, inStock, page.afterId(), page.fetchSize()).map(rows -> page.page(rows, item -> item.id));
    }

    @WithSession
    public Uni<InventoryItem> get(long id) {
        return find(id);
    }

    @WithTransaction
    public Uni<InventoryItem> create(InventoryRequest request) {
        return Uni.createFrom().item(() -> validator.check(request))
                .chain(valid -> {
                    InventoryItem item = new InventoryItem();
                    item.createdAt = Clock.now();
                    return apply(item, valid).chain(inventory::persist);
                })
                .call(inventory::flush);
    }

    @WithTransaction
    public Uni<InventoryItem> replace(long id, Long expectedVersion, InventoryRequest request) {
        return Uni.createFrom().item(() -> validator.check(request))
                .chain(valid -> findForChange(id, expectedVersion).chain(item -> apply(item, valid)))
                .call(inventory::flush);
    }

    @WithTransaction
    public Uni<InventoryItem> patch(long id, Long expectedVersion, JsonNode patch) {
        return findForChange(id, expectedVersion)
                .chain(item -> {
                    InventoryRequest current = new InventoryRequest(item.book.id, item.condition,
                            item.price.setScale(2).toPlainString(), item.stock);
                    return apply(item, validator.check(patches.merge(current, patch, InventoryRequest.class)));
                })
                .call(inventory::flush);
    }

    @WithTransaction
    public Uni<Void> delete(long id, Long expectedVersion) {
        return findForChange(id, expectedVersion).chain(inventory::delete);
    }

    /**
     * Adds {@code change.delta()} to the stock in one atomic UPDATE; 409 when the stock would drop below 0 (or pass the
     * maximum), and nothing changes.
     */
    @WithTransaction
    public Uni<InventoryItem> changeStock(long id, StockChange change) {
        return Uni.createFrom().item(() -> validator.check(change))
                .chain(valid -> inventory.changeStock(id, valid.delta(), Clock.now()))
                .chain(updated -> updated == 1
                        ? find(id)
                        : find(id).invoke(item -> {
                            throw ProblemException.conflict("Stock of item " + id + " is " + item.stock + "; a change of "
                                    + change.delta() + " would take it below 0 or above " + InventoryItem.MAX_STOCK + ".");
                        }));
    }

    private Uni<InventoryItem> find(long id) {
        return inventory.findWithBook(id).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("There is no inventory item " + id + "."));
    }

    private Uni<InventoryItem> findForChange(long id, Long expectedVersion) {
        return find(id).invoke(item -> Versions.check(expectedVersion, item.version));
    }

    private Uni<InventoryItem> apply(InventoryItem item, InventoryRequest request) {
        return books.findById(request.bookId()).map(book -> {
            if (book == null) {
                throw ProblemException.invalid("bookId", "there is no book " + request.bookId());
            }
            item.book = book;
            item.condition = request.condition();
            item.price = new BigDecimal(request.price()).setScale(2);
            item.stock = request.stock();
            item.updatedAt = Clock.now();
            return item;
        });
    }
}
