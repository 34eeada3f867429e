package org.videoclub.catalog.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** auth's revocation feed (SPEC section 5). Used only through {@link RevocationFeedClient}. */
@RegisterRestClient(configKey = "auth")
@Path("/sessions/revocations")
interface RevocationFeedApi {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    Uni<RevocationPage> revocations(@QueryParam("after") long after);
}
