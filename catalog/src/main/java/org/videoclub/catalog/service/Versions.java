package org.videoclub.catalog.service;

/** Optimistic concurrency: a change names the version it was made from (rest reads it from If-Match). */
final class Versions {

    private Versions() {
    }

    /** 412 unless {@code expected} is null (no condition) or the current {@code version}. */
    static void check(Long expected, int version) {
        if (expected != null && expected != version) {
            throw ProblemException.of(412, "The resource has changed since it was read: its ETag is now \"" + version
                    + "\". Read it again and retry.");
        }
    }
}
