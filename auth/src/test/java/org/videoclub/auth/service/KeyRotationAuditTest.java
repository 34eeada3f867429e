package org.videoclub.auth.service;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.videoclub.auth.Api;
import org.videoclub.auth.Api.Account;
import org.videoclub.auth.security.SigningKeys;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;

/** A signing key met for the first time after another one is a rotation, recorded once as key.rotated. */
@QuarkusTest
class KeyRotationAuditTest {

    @Inject
    KeyRotationAudit keyRotations;

    @Inject
    SigningKeys signingKeys;

    @Test
    void aNewSigningKeyIsRecordedOnceAndAKnownOneNever() throws Throwable {
        Account admin = Api.admin();
        // The test key signed since start-up: starting again with it is no rotation.
        assertFalse(signingWith(signingKeys.keyId()));
        long before = rotations(admin);

        String newKid = "test-kid-" + Api.uniqueName("k");
        assertTrue(signingWith(newKid));
        assertEquals(before + 1, rotations(admin));
        JsonPath newest = given().header("Authorization", admin.bearer()).queryParam("type", "key.rotated")
                .queryParam("limit", 1).get("/audit-events").then().statusCode(200).extract().jsonPath();
        assertNull(newest.get("items[0].actorId"), "a rotation is the service's own act");
        assertNull(newest.get("items[0].subjectId"));

        // A second instance starting with the same new key records nothing more.
        assertFalse(signingWith(newKid));
        assertEquals(before + 1, rotations(admin));
    }

    private boolean signingWith(String kid) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> keyRotations.signingWith(kid));
    }

    private static long rotations(Account admin) {
        return given().header("Authorization", admin.bearer()).queryParam("type", "key.rotated").queryParam("limit", 100)
                .get("/audit-events").then().statusCode(200).extract().jsonPath().getList("items").size();
    }
}
