package org.videoclub.catalog.service;

/** ETags are the entity's version; {@code If-Match} must name the current one (or be {@code *}). */
public final class Versions {

    private Versions() {
    }

    public static String etag(int version) {
        return "\"" + version + "\"";
    }

    /** 412 unless {@code ifMatch} is absent, {@code *}, or lists the current version. */
    public static void check(String ifMatch, int version) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        for (String tag : ifMatch.split(",")) {
            String value = tag.strip();
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            if (value.equals("*") || value.equals(etag(version))) {
                return;
            }
        }
        throw ProblemException.of(412, "The resource has changed since it was read: its ETag is now " + etag(version)
                + ". Read it again and retry.");
    }
}
