package org.videoclub.catalog.rest;

import org.videoclub.catalog.service.ProblemException;

/** The query parameters of GET /inventory: {@code bookId} and {@code inStock}; 400 naming the one that is malformed. */
final class InventoryListParameters {

    private InventoryListParameters() {
    }

    static Long bookId(String bookId) {
        if (bookId == null) {
            return null;
        }
        if (!bookId.matches("[0-9]{1,18}")) {
            throw ProblemException.badRequest("bookId", "must be a book id");
        }
        return Long.parseLong(bookId);
    }

    static Boolean inStock(String inStock) {
        if (inStock == null) {
            return null;
        }
        return switch (inStock) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.badRequest("inStock", "must be true or false");
        };
    }
}
