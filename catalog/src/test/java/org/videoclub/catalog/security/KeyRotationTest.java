package org.videoclub.catalog.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.KeyPair;
import java.util.List;
import java.util.Map;

import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;
import org.videoclub.catalog.support.CatalogDatabase;
import org.videoclub.catalog.support.StubAuthServer;
import org.videoclub.catalog.support.TestTokens;
import org.videoclub.testing.KeyFiles;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * catalog reading auth's JWKS through a key rotation: the tokens of the previous key keep working, the first token of
 * the new key is accepted (the unknown kid makes catalog read the JWKS again before verifying it), a token of a key
 * auth never published is refused, and forged kids do not make catalog read the JWKS more than once per
 * catalog.keys.refresh-min-interval.
 */
@QuarkusTest
@TestProfile(KeyRotationTest.FromJwks.class)
class KeyRotationTest {

    public static class FromJwks implements QuarkusTestProfile {
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(CatalogDatabase.class),
                    new TestResourceEntry(StubAuthServer.class, Map.of(StubAuthServer.SERVE_KEYS, "true")));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // long enough that no second read can be allowed during the test, however slow the machine
            return Map.of("catalog.keys.refresh-min-interval", "1h");
        }
    }

    private static int booksStatus(String token) {
        return given().auth().oauth2(token).get("/books").statusCode();
    }

    @Test
    void aRotationFailsNoRequestAndUnknownKeysAreRefused() {
        JwtClaims claims = TestTokens.claims("reader", TestTokens.newSessionId());
        String previous = TestTokens.token("reader");
        assertEquals(200, booksStatus(previous), "the key of the JWKS read at start-up");

        // auth rotates: it signs with a new key and publishes it with the previous one
        KeyPair next = KeyFiles.generate();
        StubAuthServer.setJwks(TestTokens.jwks(next.getPublic(), TestTokens.PUBLIC_KEY));
        int readsBefore = StubAuthServer.jwksRequests();
        String rotated = TestTokens.sign(claims, next.getPrivate(), TestTokens.keyId(next.getPublic()));
        assertEquals(200, booksStatus(rotated), "the first token of the new key");
        assertEquals(readsBefore + 1, StubAuthServer.jwksRequests());
        assertEquals(200, booksStatus(previous), "a token of the previous key, until it expires");

        // a key auth never published, under its own kid or a known one
        KeyPair unknown = KeyFiles.generate();
        for (String kid : List.of(TestTokens.keyId(unknown.getPublic()), TestTokens.keyId(next.getPublic()),
                TestTokens.KEY_ID, "forged-" + System.nanoTime())) {
            assertEquals(401, booksStatus(TestTokens.sign(claims, unknown.getPrivate(), kid)), kid);
        }
        // the unknown kids asked for no read of the JWKS within refresh-min-interval
        assertEquals(readsBefore + 1, StubAuthServer.jwksRequests());
    }
}
