package org.videoclub.auth.rest;

import org.videoclub.auth.service.Origin;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/** The audit's view of a request: its request id (set by RequestIds) and the caller's address. */
final class Origins {

    private Origins() {
    }

    static Origin of(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        return new Origin(request.getHeader(RequestIds.HEADER), remote == null ? null : remote.hostAddress());
    }
}
