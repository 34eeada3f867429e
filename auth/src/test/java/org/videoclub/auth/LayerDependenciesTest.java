package org.videoclub.auth;

import org.videoclub.testing.LayerDependencyChecks;

/** auth's dependencies point one way: rest -> service -> repository -> model. */
class LayerDependenciesTest extends LayerDependencyChecks {

    @Override
    protected String rootPackage() {
        return "org.videoclub.auth";
    }
}
