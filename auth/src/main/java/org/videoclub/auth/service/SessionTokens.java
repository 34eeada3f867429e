package org.videoclub.auth.service;

import org.videoclub.auth.model.User;

/** What a login or a refresh hands out. */
public record SessionTokens(String accessToken, long expiresIn, String refreshToken, User user) {
}
