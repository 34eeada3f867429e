package org.videoclub.auth.rest;

import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * The answers that follow from auth's conventions, added to every operation they apply to, so that each is written
 * once (META-INF/openapi.yaml holds their text) rather than on every resource method:
 * <ul>
 * <li>a token is needed: 401; named roles: 403 (a role outside them); every operation but the key set: 503 (database,
 * hashing queue); an operation open to anyone says so ({@code security: [{}]});
 * <li>a body: 400 (malformed JSON), 413, 415 and 422; a query parameter: 400; an {@code {id}} in the path: 404;
 * {@code If-Match}: 412;
 * <li>a page carries Link; a 201 carries Location;
 * <li>every operation answers JSON only: 406 for an Accept that excludes it;
 * <li>every error answer is a Problem.
 * </ul>
 * The resource methods document what is theirs alone (a 409 and what it means, the success answer).
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class OpenApiConventions implements OASFilter {

    /** Operations that read neither the database nor a token: the public keys, held in memory. */
    private static final Set<String> WITHOUT_DATABASE = Set.of("jwks");
    /**
     * What Quarkus writes for the 401 and 403 it adds to secured operations and the 400 it adds to those with input:
     * replaced by the answers of openapi.yaml (or dropped, a 403 where any signed-in user may call).
     */
    private static final Set<String> QUARKUS_DEFAULTS = Set.of("Not Authorized", "Not Allowed", "Bad Request");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> document(path, operation)));
    }

    private static void document(String path, Operation operation) {
        List<String> roles = roles(operation);
        if (roles != null) {
            shared(operation, "401", "Unauthorized");
            if (!roles.isEmpty()) {
                shared(operation, "403", "Forbidden");
            } else if (operation.getResponses().getAPIResponse("403") != null
                    && QUARKUS_DEFAULTS.contains(operation.getResponses().getAPIResponse("403").getDescription())) {
                operation.getResponses().removeAPIResponse("403");
            }
        }
        if (operation.getRequestBody() != null) {
            shared(operation, "400", "BadRequest");
            shared(operation, "413", "PayloadTooLarge");
            shared(operation, "415", "UnsupportedMediaType");
            shared(operation, "422", "UnprocessableContent");
        }
        if (has(operation, "query", null)) {
            shared(operation, "400", "BadRequest");
        }
        if (path.contains("{id}")) {
            shared(operation, "404", "NotFound");
        }
        if (has(operation, "header", "If-Match")) {
            shared(operation, "412", "PreconditionFailed");
            operation.getParameters().stream().filter(parameter -> parameter.getName().equalsIgnoreCase("If-Match"))
                    .filter(parameter -> parameter.getDescription() == null)
                    .forEach(parameter -> parameter.description("The ETag of the version being changed;"
                            + " without it the change applies to whatever version is current."));
        }
        if (!WITHOUT_DATABASE.contains(operation.getOperationId())) {
            shared(operation, "503", "ServiceUnavailable");
        }
        if (roles == null) {
            operation.setSecurity(List.of(OASFactory.createSecurityRequirement()));
        }
        shared(operation, "406", "NotAcceptable");
        operation.getResponses().getAPIResponses().forEach(OpenApiConventions::describe);
    }

    private static void describe(String status, APIResponse response) {
        if (response.getRef() != null) {
            return;
        }
        if (status.startsWith("4") || status.startsWith("5")) {
            if (response.getContent() == null) {
                response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem"))));
            }
            return;
        }
        if (status.equals("201")) {
            header(response, "Location");
        }
        String schema = schemaName(response);
        if (schema != null && schema.startsWith("Page")) {
            header(response, "Link");
        }
    }

    private static void shared(Operation operation, String status, String name) {
        APIResponse existing = operation.getResponses().getAPIResponse(status);
        if (existing == null || QUARKUS_DEFAULTS.contains(existing.getDescription())) {
            operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().ref(name));
        }
    }

    private static void header(APIResponse response, String name) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
            response.addHeader(name, OASFactory.createHeader().ref(name));
        }
    }

    /** The roles of the bearer requirement; empty for any signed-in user; null when the operation needs no token. */
    private static List<String> roles(Operation operation) {
        if (operation.getSecurity() == null) {
            return null;
        }
        return operation.getSecurity().stream().map(requirement -> requirement.getScheme("bearer"))
                .filter(roles -> roles != null).findFirst().orElse(null);
    }

    private static boolean has(Operation operation, String in, String name) {
        List<Parameter> parameters = operation.getParameters();
        return parameters != null && parameters.stream().anyMatch(parameter -> parameter.getIn().toString().equalsIgnoreCase(in)
                && (name == null || name.equalsIgnoreCase(parameter.getName())));
    }

    private static String schemaName(APIResponse response) {
        if (response.getContent() == null) {
            return null;
        }
        return response.getContent().getMediaTypes().values().stream()
                .map(media -> media.getSchema() == null ? null : media.getSchema().getRef())
                .filter(ref -> ref != null).map(ref -> ref.substring(ref.lastIndexOf('/') + 1)).findFirst().orElse(null);
    }
}
