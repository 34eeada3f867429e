package org.videoclub.catalog.security;

import org.videoclub.catalog.support.StubAuthServer;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same checks against the packaged application (JVM jar here, native binary with -Dnative). */
@QuarkusIntegrationTest
class RevocationIT extends RevocationTest {

    /** A packaged application cannot be made to poll from here: the stub feed tells when one has been applied. */
    @Override
    protected void pollApplied() {
        StubAuthServer.awaitAppliedPoll();
    }
}
