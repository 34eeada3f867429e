package org.videoclub.auth.service;

import java.nio.charset.StandardCharsets;

/** NIST SP 800-63B: length only, no composition rules. bcrypt reads at most 72 bytes, so longer is refused. */
public final class PasswordPolicy {

    public static final int MIN_BYTES = 8;
    public static final int MAX_BYTES = 72;

    private PasswordPolicy() {
    }

    /** Why the password is refused, or null when it is acceptable. */
    public static String violation(String password) {
        int bytes = password.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < MIN_BYTES || bytes > MAX_BYTES) {
            return "must be " + MIN_BYTES + " to " + MAX_BYTES + " bytes of UTF-8 (it is " + bytes + ")";
        }
        return null;
    }
}
