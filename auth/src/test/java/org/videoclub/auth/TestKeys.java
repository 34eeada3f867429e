package org.videoclub.auth;

import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * Points the service at the test key pair (src/test/resources/keys, test-only keys) by file path, the way a deployment
 * does, so that the packaged application in the *IT tests reads them too.
 */
@WithTestResource(value = TestKeys.class, scope = TestResourceScope.GLOBAL)
public class TestKeys implements QuarkusTestResourceLifecycleManager {

    public static final Path PRIVATE_KEY = Path.of("src/test/resources/keys/test-private.pem").toAbsolutePath();
    public static final Path PUBLIC_KEY = Path.of("src/test/resources/keys/test-public.pem").toAbsolutePath();

    @Override
    public Map<String, String> start() {
        return Map.of("smallrye.jwt.sign.key.location", PRIVATE_KEY.toString(),
                "mp.jwt.verify.publickey.location", PUBLIC_KEY.toString());
    }

    @Override
    public void stop() {
    }
}
