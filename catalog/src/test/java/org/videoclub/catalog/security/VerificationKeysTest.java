package org.videoclub.catalog.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.videoclub.catalog.config.CatalogConfig;
import org.videoclub.catalog.support.TestTokens;
import org.videoclub.testing.KeyFiles;

/** PEM mode: JWT_PUBLIC_KEY lists the public keys (the new one and the previous ones during a rotation). */
class VerificationKeysTest {

    private static final CatalogConfig.Keys CONFIG = new CatalogConfig.Keys() {
        @Override
        public Duration refreshMinInterval() {
            return Duration.ofSeconds(5);
        }

        @Override
        public Duration fetchTimeout() {
            return Duration.ofSeconds(2);
        }
    };

    @Test
    void everyListedKeyIsKnownByItsThumbprint() {
        KeyPair next = KeyFiles.generate();
        Path nextPem = KeyFiles.write(next, "videoclub-next").resolve("public.pem");
        VerificationKeys keys = new VerificationKeys(nextPem + " , src/test/resources/keys/test-public.pem", CONFIG, null);
        keys.load(null);

        assertEquals(next.getPublic(), keys.forKid(TestTokens.keyId(next.getPublic())));
        assertTrue(keys.knows(TestTokens.KEY_ID));
        assertFalse(keys.knows("unknown"));
        assertNull(keys.forKid(null));
    }

    @Test
    void anUnreadableKeyFileIsNamed() {
        VerificationKeys keys = new VerificationKeys("src/test/resources/keys/test-public.pem,/nonexistent.pem", CONFIG,
                null);
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> keys.load(null));
        assertTrue(refused.getMessage().contains("'/nonexistent.pem'"), refused.getMessage());
    }
}
