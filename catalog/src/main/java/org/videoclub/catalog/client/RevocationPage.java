package org.videoclub.catalog.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One answer of auth's revocation feed: revoked sessions with a sequence number above the {@code after} asked for, and
 * {@code last}, the highest sequence number auth examined (the next {@code after}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RevocationPage(List<Revocation> revocations, long last) {

    /** Most entries auth puts in one page; a full page means there may be more at once. */
    public static final int MAX_ENTRIES = 1000;

    /** A revoked session and the expiry (epoch seconds) of its newest access token. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Revocation(long seq, String sid, long exp) {
    }

    public List<Revocation> revocations() {
        return revocations == null ? List.of() : revocations;
    }
}
