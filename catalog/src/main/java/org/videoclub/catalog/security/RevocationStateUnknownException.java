package org.videoclub.catalog.security;

/** The revocation list is too old to trust (auth unreachable for longer than max-staleness): answered with 503. */
public class RevocationStateUnknownException extends RuntimeException {

    public RevocationStateUnknownException() {
        super("The revocation state is not known: auth's revocation feed has not answered for too long.", null, false, false);
    }
}
