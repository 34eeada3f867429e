package org.videoclub.catalog.support;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * Every @QuarkusTest of catalog runs against the embedded MariaDB (schema {@code catalog}) and reads its revocation
 * feed from {@link StubAuthServer}, with the test public key ({@link TestKey}). Declared once here, for all tests (GLOBAL scope).
 */
@WithTestResource(value = CatalogDatabase.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = StubAuthServer.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = TestKey.class, scope = TestResourceScope.GLOBAL)
public final class CatalogTestResources {

    private CatalogTestResources() {
    }
}
