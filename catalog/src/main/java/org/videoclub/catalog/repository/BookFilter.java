package org.videoclub.catalog.repository;

/**
 * Filters of the book list; null means "not filtered". {@code fullTextQuery} is already in MariaDB boolean-mode
 * syntax, {@code isbn} already normalised, exactly one of {@code genreId} and {@code genreNameKey} at most.
 */
public record BookFilter(String fullTextQuery, Long genreId, String genreNameKey, String author, String isbn) {

    /** True when the list is filtered by {@code q} and nothing else. */
    public boolean fullTextOnly() {
        return fullTextQuery != null && genreId == null && genreNameKey == null && author == null && isbn == null;
    }
}
