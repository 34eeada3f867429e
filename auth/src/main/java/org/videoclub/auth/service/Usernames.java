package org.videoclub.auth.service;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The canonical form of a username (SPEC section 3): its lower-case ASCII spelling. Uniqueness, look-up at login and
 * throttling all use it, so 'Alice' and 'ALICE' are one account with one throttle budget, while any other spelling
 * (accents, combining marks, full-width or other look-alike letters) is no username at all.
 */
public final class Usernames {

    /** The username alphabet and length; the REST layer validates new names against it. */
    public static final String PATTERN = "[A-Za-z0-9._-]{3,50}";
    public static final String RULE = "must be 3 to 50 letters, digits, '.', '_' or '-'";

    private static final Pattern VALID = Pattern.compile(PATTERN);

    private Usernames() {
    }

    /**
     * The canonical form of a name as typed at login: surrounding ASCII spaces and tabs trimmed, then lower-cased;
     * null when what is left is outside the username alphabet (it can name no account).
     */
    public static String canonical(String typed) {
        if (typed == null) {
            return null;
        }
        int start = 0;
        int end = typed.length();
        while (start < end && isBlank(typed.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(typed.charAt(end - 1))) {
            end--;
        }
        String trimmed = typed.substring(start, end);
        return VALID.matcher(trimmed).matches() ? trimmed.toLowerCase(Locale.ROOT) : null;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
