package org.videoclub.auth.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The test key pair as files for a packaged service, the private key readable by its owner only (as prod requires). */
final class TestKeyFiles {

    static final String PUBLIC = "src/test/resources/keys/test-public.pem";

    private TestKeyFiles() {
    }

    /** A copy of the test private key with mode 0600 (git checks files out 0644). */
    static Path privateKey() throws IOException {
        Path copy = Files.createTempFile("videoclub-test-private", ".pem",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(copy, Files.readAllBytes(Path.of("src/test/resources/keys/test-private.pem")));
        copy.toFile().deleteOnExit();
        return copy;
    }
}
