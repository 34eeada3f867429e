package org.videoclub.auth.rest;

import java.util.Map;

import org.videoclub.auth.Api;
import org.videoclub.testing.SharedConventionChecks;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** The shared conventions (SPEC section 8) on auth's user list and a user's own account. */
@QuarkusTest
class SharedConventionsTest extends SharedConventionChecks {

    @Override
    protected String listPath() {
        return "/users";
    }

    @Override
    protected RequestSpecification lister() {
        return UserResourceTest.as(Api.admin());
    }

    /** A new reader's own account: a username change needs no current password. */
    @Override
    protected Changeable changeable() {
        Api.Account reader = Api.account("reader");
        String path = "/users/" + reader.id();
        int version = Integer.parseInt(UserResourceTest.as(reader).get(path).then().statusCode(200).extract()
                .header("ETag").replace("\"", ""));
        return new Changeable(path, version, () -> UserResourceTest.as(reader).contentType("application/json"),
                () -> Map.of("username", Api.uniqueName("renamed")));
    }

    @Override
    protected void addTwo() {
        Api.account("reader");
        Api.account("reader");
    }
}
