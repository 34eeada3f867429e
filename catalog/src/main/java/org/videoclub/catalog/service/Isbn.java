package org.videoclub.catalog.service;

/** ISBN-10 and ISBN-13 check digits, and the conversion of ISBN-10 to ISBN-13. */
public final class Isbn {

    private Isbn() {
    }

    /**
     * The ISBN-13 form of {@code value} (ISBN-10 or ISBN-13, hyphens and spaces ignored), or null when it is not a valid
     * ISBN.
     */
    public static String normalise(String value) {
        String compact = value.replace("-", "").replace(" ", "").toUpperCase();
        if (compact.matches("[0-9]{9}[0-9X]")) {
            return isbn10Valid(compact) ? toIsbn13(compact.substring(0, 9)) : null;
        }
        if (compact.matches("97[89][0-9]{10}")) {
            return compact.charAt(12) - '0' == ean13CheckDigit(compact.substring(0, 12)) ? compact : null;
        }
        return null;
    }

    private static boolean isbn10Valid(String isbn) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            char c = isbn.charAt(i);
            int digit = c == 'X' ? 10 : c - '0';
            if (c == 'X' && i != 9) {
                return false;
            }
            sum += digit * (10 - i);
        }
        return sum % 11 == 0;
    }

    private static String toIsbn13(String nineDigits) {
        String twelve = "978" + nineDigits;
        return twelve + ean13CheckDigit(twelve);
    }

    private static int ean13CheckDigit(String twelveDigits) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (twelveDigits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return (10 - sum % 10) % 10;
    }
}
