package org.videoclub.auth.rest;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.videoclub.auth.model.Role;
import org.videoclub.auth.model.Revocation;
import org.videoclub.auth.service.RevocationFeedService;
import org.videoclub.auth.service.SessionTokens;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Request and response bodies of /login, /refresh, /session and the revocation feed. */
final class SessionRecords {

    private SessionRecords() {
    }

    @Schema(name = "Login")
    record LoginRequest(@NotNull @Size(min = 1, max = 50) String username, @NotNull @Size(min = 1, max = 200) String password) {
    }

    @Schema(name = "Refresh")
    record RefreshRequest(@JsonProperty("refresh_token") @NotNull @Size(min = 1, max = 200) String refreshToken) {
    }

    @Schema(name = "Tokens")
    record TokenResponse(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") long expiresIn,
            @JsonProperty("refresh_token") String refreshToken,
            String username,
            Role role) {
        static TokenResponse of(SessionTokens tokens) {
            return new TokenResponse(tokens.accessToken(), "Bearer", tokens.expiresIn(), tokens.refreshToken(),
                    tokens.user().username, tokens.user().role);
        }
    }

    @Schema(name = "Session")
    record SessionView(String sub, String username, String role, String sid, long exp) {
    }

    @Schema(name = "RevocationFeed")
    record RevocationFeed(List<Entry> revocations, long last) {
        static RevocationFeed of(RevocationFeedService.Page page) {
            return new RevocationFeed(page.revocations().stream().map(Entry::of).toList(), page.last());
        }
    }

    @Schema(name = "Revocation", description = "A revoked session; its access tokens are refused until exp (epoch seconds)")
    record Entry(long seq, String sid, long exp) {
        static Entry of(Revocation revocation) {
            return new Entry(revocation.seq, revocation.sessionId, revocation.expiresAt.getEpochSecond());
        }
    }

    @Schema(name = "JsonWebKeySet")
    record KeySet(List<Map<String, Object>> keys) {
    }
}
