package org.videoclub.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Fails when an answer that this module's HTTP tests received is not in the OpenAPI document for its operation: its
 * status code, and for an answer with a body, a schema for its content type. Calls to paths or methods the document
 * does not have (unknown paths, 405s) are no operation's answers and are left out. Each module runs it as its own
 * {@code DocumentedAnswersCheck}, after its other tests, in a surefire execution of its own (pom.xml), on what
 * {@link AnswerRecorder} wrote in that module's target/.
 */
public abstract class DocumentedAnswersChecks {

    @Test
    public void everyAnswerTheTestsReceivedIsDocumented() throws IOException {
        assumeTrue(Files.exists(AnswerRecorder.ANSWERS) && Files.exists(AnswerRecorder.DOCUMENT),
                "no HTTP test recorded answers in this run");
        JsonNode document = new ObjectMapper().readTree(AnswerRecorder.DOCUMENT.toFile());
        List<String> lines = Files.readAllLines(AnswerRecorder.ANSWERS);
        TreeSet<String> undocumented = new TreeSet<>();
        for (String line : lines) {
            String[] field = line.split("\t", -1);
            String method = field[0].toLowerCase();
            String template = template(document, field[1]);
            JsonNode operation = template == null ? null : document.path("paths").path(template).get(method);
            if (operation == null) {
                continue;
            }
            String status = field[2];
            String where = field[0] + " " + template + " " + status;
            JsonNode response = operation.path("responses").has(status) ? operation.path("responses").get(status)
                    : operation.path("responses").get("default");
            if (response == null) {
                undocumented.add(where + ": status not documented");
                continue;
            }
            response = resolve(document, response);
            if (Long.parseLong(field[4]) > 0 && !hasSchemaFor(response, field[3])) {
                undocumented.add(where + ": no schema for a body of " + field[3]);
            }
        }
        assertEquals(List.of(), new ArrayList<>(undocumented),
                "answers of the tests (" + lines.size() + " recorded) that the OpenAPI document does not describe");
    }

    /** The document's path template that {@code path} is an instance of ({@code /books/7/} is {@code /books/{id}}). */
    private static String template(JsonNode document, String path) {
        String bare = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        for (Iterator<String> names = document.path("paths").fieldNames(); names.hasNext();) {
            String template = names.next();
            String regex = Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            if (bare.matches(regex)) {
                return template;
            }
        }
        return null;
    }

    private static JsonNode resolve(JsonNode document, JsonNode response) {
        if (!response.has("$ref")) {
            return response;
        }
        String name = response.get("$ref").asText().replace("#/components/responses/", "");
        return document.path("components").path("responses").path(name);
    }

    private static boolean hasSchemaFor(JsonNode response, String contentType) {
        String type = contentType.split(";")[0].strip();
        for (Iterator<Map.Entry<String, JsonNode>> media = response.path("content").fields(); media.hasNext();) {
            Map.Entry<String, JsonNode> entry = media.next();
            if ((entry.getKey().equals(type) || entry.getKey().equals("*/*")) && entry.getValue().has("schema")) {
                return true;
            }
        }
        return false;
    }
}
