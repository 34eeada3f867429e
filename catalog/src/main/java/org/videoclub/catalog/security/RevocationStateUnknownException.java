package org.videoclub.catalog.security;

/**
 * The revocation list cannot be trusted (no good sync since start-up, or auth unreachable for longer than
 * max-staleness): answered with 503.
 */
public class RevocationStateUnknownException extends RuntimeException {

    public RevocationStateUnknownException() {
        super("The revocation state is not known: auth's revocation feed has not answered since catalog started, or not"
                + " for too long.", null, false, false);
    }
}
