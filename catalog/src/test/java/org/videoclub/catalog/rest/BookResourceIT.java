package org.videoclub.catalog.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same black-box checks against the packaged application (JVM jar here, native binary with -Dnative). */
@QuarkusIntegrationTest
class BookResourceIT extends BookResourceTest {
}
