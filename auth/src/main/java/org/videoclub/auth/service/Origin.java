package org.videoclub.auth.service;

/** Where a request comes from, as the audit records it: its request id and the caller's address. */
public record Origin(String requestId, String client) {

    /** Work the service does by itself (start-up, scheduled jobs). */
    public static final Origin SYSTEM = new Origin(null, null);
}
