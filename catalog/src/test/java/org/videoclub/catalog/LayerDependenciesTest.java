package org.videoclub.catalog;

import org.videoclub.testing.LayerDependencyChecks;

/** catalog's dependencies point one way: rest -> service -> repository -> model. */
class LayerDependenciesTest extends LayerDependencyChecks {

    @Override
    protected String rootPackage() {
        return "org.videoclub.catalog";
    }
}
