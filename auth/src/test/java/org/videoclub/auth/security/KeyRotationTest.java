package org.videoclub.auth.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;

import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;
import org.videoclub.auth.Api;
import org.videoclub.auth.Api.Account;
import org.videoclub.auth.ForgedTokens;
import org.videoclub.auth.TestKeys;
import org.videoclub.testing.KeyFiles;
import org.videoclub.testing.MariaDbTestResource;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * After a key rotation: auth signs with the new key, publishes it and the previous one, and accepts the tokens the
 * previous key signed until they expire; a token of a key it does not know is refused, whatever kid it claims.
 */
@QuarkusTest
@TestProfile(KeyRotationTest.Rotated.class)
class KeyRotationTest {

    static final KeyPair NEW_KEY = KeyFiles.generate();

    public static class Rotated implements QuarkusTestProfile {
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(MariaDbTestResource.class, Map.of("database", "auth")),
                    new TestResourceEntry(RotatedKeys.class));
        }
    }

    /** The new key pair signs; the test key pair (the one tokens were signed with so far) is the previous key. */
    public static class RotatedKeys implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            Path keys = KeyFiles.write(NEW_KEY, "videoclub-rotated");
            return Map.of("smallrye.jwt.sign.key.location", keys.resolve("private.pem").toString(),
                    "mp.jwt.verify.publickey.location", keys.resolve("public.pem").toString(),
                    "auth.token.previous-public-keys", TestKeys.PUBLIC_KEY.toString());
        }

        @Override
        public void stop() {
        }
    }

    @Test
    void theJwksPublishesTheNewKeyFirstThenThePreviousOne() {
        List<String> kids = given().get("/.well-known/jwks.json").then().statusCode(200).extract().path("keys.kid");
        assertEquals(List.of(ForgedTokens.keyId(NEW_KEY.getPublic()), ForgedTokens.TEST_KEY_ID), kids);
    }

    @Test
    void tokensOfThePreviousKeyStillWorkTokensOfAnUnknownKeyDoNot() throws Exception {
        Account user = Api.account("reader");
        assertEquals(ForgedTokens.keyId(NEW_KEY.getPublic()),
                JwtClaims.parse(ForgedTokens.header(user.accessToken())).getClaimValue("kid"), "signed with the new key");
        given().header("Authorization", user.bearer()).get("/users/me").then().statusCode(200);

        // the same session's token as the previous key signed it before the rotation
        JwtClaims claims = JwtClaims.parse(ForgedTokens.payload(user.accessToken()));
        String previous = ForgedTokens.signed(claims);
        given().auth().oauth2(previous).get("/users/me").then().statusCode(200);
        given().auth().oauth2(previous).get("/session").then().statusCode(200);

        KeyPair unknown = KeyFiles.generate();
        for (String kid : new String[] { ForgedTokens.keyId(unknown.getPublic()), ForgedTokens.keyId(NEW_KEY.getPublic()),
                ForgedTokens.TEST_KEY_ID }) {
            given().auth().oauth2(ForgedTokens.signed(claims, unknown.getPrivate(), kid)).get("/users/me").then()
                    .statusCode(401);
        }
    }
}
