package org.videoclub.catalog.rest;

import org.videoclub.catalog.model.Condition;
import org.videoclub.catalog.model.InventoryItem;

import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection
public record InventoryResponse(long id, BookRef book, Condition condition, String price, int stock, int version)
        implements VersionedResponse {

    public record BookRef(long id, String title) {
    }

    static InventoryResponse of(InventoryItem item) {
        return new InventoryResponse(item.id, new BookRef(item.book.id, item.book.title), item.condition,
                item.price.setScale(2).toPlainString(), item.stock, item.version);
    }
}
