package org.videoclub.auth.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.videoclub.auth.model.Revocation;
import org.videoclub.auth.repository.DatabaseDeadline;
import org.videoclub.auth.repository.RevocationRepository;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** The revocation feed catalog polls: unexpired revoked sessions in sequence order. */
@ApplicationScoped
@DatabaseDeadline
public class RevocationFeedService {

    /** Most entries in one answer; a full page means the caller should ask again at once. */
    public static final int PAGE_SIZE = 1000;

    public record Page(List<Revocation> revocations, long last) {
    }

    private final RevocationRepository revocations;

    RevocationFeedService(RevocationRepository revocations) {
        this.revocations = revocations;
    }

    /**
     * Entries after {@code afterSeq}. {@code last} is the sequence number to ask after next time: the last entry of a
     * full page, otherwise the highest number handed out so far (read in the same session, so expired entries are
     * skipped for good).
     */
    @WithSession
    public Uni<Page> after(long afterSeq) {
        return revocations.lastSeq().flatMap(highest -> revocations.unexpiredAfter(afterSeq, Instant.now(), PAGE_SIZE)
                .map(page -> new Page(page, page.size() == PAGE_SIZE
                        ? page.get(page.size() - 1).seq
                        : Math.max(afterSeq, highest))));
    }
}
