package org.videoclub.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The web UI's files, its configuration and the headers on every UI response (the browser tests drive the pages). */
@QuarkusTest
class WebUiTest {

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self';"
            + " manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private static final Path FILES = Path.of("src", "main", "resources", "META-INF", "resources");

    @Test
    void theUiIsServedAtTheRootWithAStrictContentSecurityPolicy() {
        for (String path : List.of("/", "/index.html", "/ui/app.js", "/ui/app.css", "/ui/pages/staff.js", "/ui/config.json")) {
            given().get(path).then().statusCode(200)
                    .header("Content-Security-Policy", CSP)
                    .header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "DENY")
                    .header("Referrer-Policy", "no-referrer")
                    .header("Cache-Control", "no-cache");
        }
        given().get("/").then().contentType(containsString("text/html")).body(containsString("<script type=\"module\" src=\"/ui/app.js\">"));
        given().get("/ui/app.js").then().contentType(containsString("javascript"));
    }

    @Test
    void theApiAndTheSwaggerUiKeepTheirOwnHeaders() {
        given().get("/q/health/live").then().statusCode(200).header("Content-Security-Policy", nullValue());
        given().get("/ui/nothing-here.js").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theConfigurationTellsTheBrowserWhereAuthIs() {
        // Not configured (the gateway's single origin): auth is on the UI's own origin.
        given().get("/ui/config.json").then().statusCode(200).contentType("application/json").body("authUrl", equalTo(""));
    }

    @Test
    void authsOriginIsTheOneExtraPlaceTheUiMayConnectTo() {
        assertEquals("http://localhost:4000", WebUi.origin("http://localhost:4000"));
        assertEquals("https://shop.example", WebUi.origin("HTTPS://Shop.Example/auth/"));
        for (String bad : List.of("localhost:4000", "ftp://x", "http://", "not a url", "javascript:alert(1)")) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> WebUi.origin(bad), bad);
            assertTrue(e.getMessage().contains("CATALOG_UI_AUTH_URL"), e.getMessage());
        }
    }

    /** The CSP has no 'unsafe-inline': an inline script, style or handler would not run; API text goes in as text. */
    @Test
    void theFilesHaveNoInlineScriptOrStyleAndNeverParseHtml() throws IOException {
        Pattern inlineScript = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
        Pattern inlineAttribute = Pattern.compile("<[^>]+\\s(style|on[a-z]+)\\s*=", Pattern.CASE_INSENSITIVE);
        Pattern htmlSink = Pattern.compile("innerHTML|outerHTML|insertAdjacentHTML|document\\.write|\\beval\\(|new Function|\\.style\\.");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(FILES)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertTrue(files.size() > 5, "UI files found: " + files);
        for (Path file : files) {
            String text = Files.readString(file);
            if (file.toString().endsWith(".html")) {
                assertTrue(!inlineScript.matcher(text).find() && !inlineAttribute.matcher(text).find(), "inline script or style in " + file);
            }
            if (file.toString().endsWith(".js")) {
                assertTrue(!htmlSink.matcher(text).find(), "HTML parsing or inline style in " + file);
            }
        }
    }
}
