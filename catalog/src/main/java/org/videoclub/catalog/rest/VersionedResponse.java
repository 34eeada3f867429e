package org.videoclub.catalog.rest;

/** The body of an answer about one entity: its version is the answer's ETag, its id ends the Location of a 201. */
interface VersionedResponse {

    long id();

    int version();
}
