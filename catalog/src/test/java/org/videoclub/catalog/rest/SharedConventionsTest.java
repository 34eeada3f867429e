package org.videoclub.catalog.rest;

import java.util.Map;

import org.videoclub.catalog.support.Api;
import org.videoclub.testing.SharedConventionChecks;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** The shared conventions (SPEC section 8) on catalog's genre list and a genre. */
@QuarkusTest
class SharedConventionsTest extends SharedConventionChecks {

    @Override
    protected String listPath() {
        return "/genres";
    }

    @Override
    protected RequestSpecification lister() {
        return Api.as("reader");
    }

    /** A new genre, changed by an editor. */
    @Override
    protected Changeable changeable() {
        long id = Api.createGenre(Api.unique("Conventions"));
        return new Changeable("/genres/" + id, 0, () -> Api.as("editor"), () -> Map.of("description", "changed"));
    }

    @Override
    protected void addTwo() {
        Api.createGenre(Api.unique("Conventions"));
        Api.createGenre(Api.unique("Conventions"));
    }
}
