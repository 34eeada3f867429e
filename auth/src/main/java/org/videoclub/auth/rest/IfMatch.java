package org.videoclub.auth.rest;

/**
 * The {@code If-Match} header, read the same way in auth and catalog (SPEC section 8): the ETag is the entity's version
 * in quotes, weak or not.
 */
final class IfMatch {

    private IfMatch() {
    }

    /**
     * The version asked for: null when the header is absent, blank or {@code *} (no condition); -1, which no version
     * matches (so 412), when it is not one ETag of ours.
     */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            return -1L;
        }
    }
}
