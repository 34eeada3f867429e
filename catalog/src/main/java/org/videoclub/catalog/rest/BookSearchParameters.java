package org.videoclub.catalog.rest;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.videoclub.catalog.service.BookSearch;
import org.videoclub.catalog.service.Isbn;
import org.videoclub.catalog.service.ProblemException;

/** The query parameters of GET /books ({@code q}, {@code genre}, {@code author}, {@code isbn}) read into a {@link BookSearch}. */
final class BookSearchParameters {

    /** InnoDB's default innodb_ft_min_token_size: shorter words are not in the full-text index. */
    static final int MIN_SEARCH_WORD = 3;
    private static final int MAX_SEARCH_WORDS = 10;
    private static final Pattern NOT_A_WORD_CHARACTER = Pattern.compile("[^\\p{L}\\p{N}]+");

    private BookSearchParameters() {
    }

    /** 400 naming the parameter when one is malformed. */
    static BookSearch parse(String q, String genre, String author, String isbn) {
        List<String> words = null;
        if (q != null) {
            // Lower-cased: the full-text index ignores case, and the search cache keeps one list per expression.
            words = NOT_A_WORD_CHARACTER.splitAsStream(q)
                    .filter(word -> word.length() >= MIN_SEARCH_WORD)
                    .limit(MAX_SEARCH_WORDS)
                    .map(word -> word.toLowerCase(Locale.ROOT))
                    .toList();
            if (words.isEmpty()) {
                throw ProblemException.badRequest("q", "needs at least one word of " + MIN_SEARCH_WORD + " or more letters or digits");
            }
        }
        Long genreId = null;
        String genreName = null;
        if (genre != null) {
            if (genre.matches("[0-9]{1,18}")) {
                genreId = Long.parseLong(genre);
            } else if (!genre.isBlank()) {
                genreName = genre.strip().toLowerCase(Locale.ROOT);
            } else {
                throw ProblemException.badRequest("genre", "must be a genre id or name");
            }
        }
        String normalisedIsbn = null;
        if (isbn != null) {
            normalisedIsbn = Isbn.normalise(isbn);
            if (normalisedIsbn == null) {
                throw ProblemException.badRequest("isbn", "is not a valid ISBN-10 or ISBN-13");
            }
        }
        return new BookSearch(words, genreId, genreName, author == null ? null : author.strip(), normalisedIsbn);
    }
}
