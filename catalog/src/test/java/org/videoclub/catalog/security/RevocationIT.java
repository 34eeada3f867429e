package org.videoclub.catalog.security;

import org.junit.jupiter.api.Disabled;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The same checks against the packaged application (JVM jar here, native binary with -Dnative). Disabled: each
 * test forces a revocation poll inside the service ({@link Polls#force()}), which a packaged application run from
 * outside cannot do; they need a black-box way to force the poll (or to wait for the background one) first.
 */
@QuarkusIntegrationTest
@Disabled("RevocationTest forces the poll in-process (Polls.force), which a packaged application cannot")
class RevocationIT extends RevocationTest {
}
