package org.videoclub.catalog.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IsbnTest {

    @ParameterizedTest
    @CsvSource({
            "0-306-40615-2, 9780306406157",
            "0306406152, 9780306406157",
            "080442957X, 9780804429573",
            "0 8044 2957 x, 9780804429573",
            "978-0-306-40615-7, 9780306406157",
            "979-10-90636-07-1, 9791090636071" })
    void validIsbnsAreNormalisedToIsbn13(String input, String expected) {
        assertEquals(expected, Isbn.normalise(input));
    }

    @ParameterizedTest
    @ValueSource(strings = { "0-306-40615-3", "9780306406158", "9770306406156", "X306406152", "030640615", "97803064061570",
            "", "isbn", "0-306-40615-2-" + "1" })
    void invalidIsbnsAreRefused(String input) {
        assertNull(Isbn.normalise(input));
    }
}
