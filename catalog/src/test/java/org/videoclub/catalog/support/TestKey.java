package org.videoclub.catalog.support;

import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points the service at the test public key (src/test/resources/keys, a test-only key) by file path, the way a
 * deployment does, so that the packaged application in the *IT tests reads it too.
 */
public class TestKey implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("mp.jwt.verify.publickey.location",
                Path.of("src/test/resources/keys/test-public.pem").toAbsolutePath().toString());
    }

    @Override
    public void stop() {
    }
}
