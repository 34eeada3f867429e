package org.videoclub.auth.rest;

import jakarta.ws.rs.core.EntityTag;

/** ETag and If-Match: the entity tag is the entity's version. */
final class Versions {

    private Versions() {
    }

    static EntityTag tag(long version) {
        return new EntityTag(String.valueOf(version));
    }

    /**
     * The version an If-Match header asks for: null when the header is absent or {@code *}; -1 (matches nothing, so
     * 412) when it is not one of our tags.
     */
    static Long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String tag = ifMatch.trim();
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
