package org.videoclub.catalog.config;

import org.videoclub.testing.MariaDbDriverReflectionChecks;

/** catalog's registration of the MariaDB driver for the native image matches the driver on the class path. */
class MariaDbDriverReflectionTest extends MariaDbDriverReflectionChecks {

    @Override
    protected Class<?> options() {
        return MariaDbDriverReflection.class;
    }

    @Override
    protected Class<?> plugins() {
        return MariaDbDriverReflection.Plugins.class;
    }
}
