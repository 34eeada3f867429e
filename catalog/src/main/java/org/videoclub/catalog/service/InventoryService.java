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
    private final EntityWrites<InventoryItem, InventoryRequest> writes;

    InventoryService(InventoryRepository inventory, BookRepository books, RequestValidator validator, JsonPatches patches) {
        this.inventory = inventory;
        this.books = books;
        this.validator = validator;
        this.writes = new EntityWrites<>("inventory item", inventory, inventory::findWithBook, item -> item.version,
                InventoryRequest.class, item -> new InventoryRequest(item.book.id, item.condition,
                        item.price.setScale(2).toPlainString(), item.stock),
                validator, patches);
    }

    @WithSession
    public Uni<PageRequest.Page<InventoryItem>> list(Long bookId, Boolean inStock, PageRequest page) {
        return inventory.page(bookId, inStock, page.afterId(), page.fetchSize()).map(rows -> page.page(rows, item -> item.id));
    }

    @WithSession
    public Uni<InventoryItem> get(long id) {
        return writes.find(id);
    }

    @WithTransaction
    public Uni<InventoryItem> create(InventoryRequest request) {
        return writes.create(request, () -> {
            InventoryItem item = new InventoryItem();
            item.createdAt = Clock.now();
            return item;
        }, this::apply);
    }

    @WithTransaction
    public Uni<InventoryItem> replace(long id, Long expectedVersion, InventoryRequest request) {
        return writes.replace(id, expectedVersion, request, this::apply);
    }

    @WithTransaction
    public Uni<InventoryItem> patch(long id, Long expectedVersion, JsonNode patch) {
        return writes.patch(id, expectedVersion, patch, this::apply);
    }

    @WithTransaction
    public Uni<Void> delete(long id, Long expectedVersion) {
        return writes.delete(id, expectedVersion, item -> Uni.createFrom().voidItem());
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
                        ? writes.find(id)
                        : writes.find(id).invoke(item -> {
                            throw ProblemException.conflict("Stock of item " + id + " is " + item.stock + "; a change of "
                                    + change.delta() + " would take it below 0 or above " + InventoryItem.MAX_STOCK + ".");
                        }));
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
