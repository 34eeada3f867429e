package org.videoclub.catalog.service;

import java.util.List;

/**
 * What GET /books filters by; null (or no words) means "not filtered". {@code words} are lower-case, each long enough
 * for the full-text index; at most one of {@code genreId} and {@code genreName}; {@code isbn} normalised to ISBN-13.
 */
public record BookSearch(List<String> words, Long genreId, String genreName, String author, String isbn) {
}
