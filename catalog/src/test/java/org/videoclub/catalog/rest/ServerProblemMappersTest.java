package org.videoclub.catalog.rest;

import org.videoclub.testing.ServerProblemChecks;

/** The shared rules for failures that are not the request's (SPEC sections 6 and 8), on catalog's mapper. */
class ServerProblemMappersTest extends ServerProblemChecks {

    @Override
    protected int statusOf(Throwable failure) {
        return ServerProblemMappers.answer(failure, null).getStatus();
    }
}
