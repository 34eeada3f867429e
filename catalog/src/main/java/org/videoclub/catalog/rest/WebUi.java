package org.videoclub.catalog.rest;

import java.net.URI;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.videoclub.catalog.config.CatalogConfig;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The web UI's HTTP side (SPEC section 10). Its files are static resources ({@code META-INF/resources}: {@code /} and
 * {@code /ui/*}); this class answers {@code /ui/config.json} (where the browser finds auth) and puts a strict
 * Content-Security-Policy and the other browser-hardening headers on every UI response. The API, {@code /docs} and
 * {@code /q/*} are left alone: the Swagger UI needs inline script.
 */
@ApplicationScoped
public class WebUi {

    static final String CONFIG_PATH = "/ui/config.json";

    private final String configJson;
    private final String contentSecurityPolicy;

    WebUi(CatalogConfig config) {
        String authUrl = config.ui().authUrl().map(String::strip).filter(url -> !url.isEmpty())
                .map(WebUi::withoutTrailingSlash).orElse("");
        this.configJson = new JsonObject().put("authUrl", authUrl).encode();
        String connectSrc = authUrl.isEmpty() ? "'self'" : "'self' " + origin(authUrl);
        this.contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
                + " connect-src " + connectSrc + "; manifest-src 'self'; base-uri 'none'; form-action 'self';"
                + " frame-ancestors 'none'";
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::securityHeaders);
        router.get(CONFIG_PATH).handler(context -> context.response()
                .putHeader("Content-Type", "application/json")
                .end(configJson));
    }

    private void securityHeaders(RoutingContext context) {
        String path = context.normalizedPath();
        if (path.equals("/") || path.equals("/index.html") || path.startsWith("/ui/")) {
            context.response()
                    .putHeader("Content-Security-Policy", contentSecurityPolicy)
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("X-Frame-Options", "DENY")
                    .putHeader("Referrer-Policy", "no-referrer")
                    .putHeader("Cross-Origin-Opener-Policy", "same-origin")
                    // Small files: always revalidated, so that a new version of the UI is picked up at once.
                    .putHeader("Cache-Control", "no-cache");
        }
        context.next();
    }

    /** scheme://host[:port] of an absolute http(s) URL; start-up fails with a clear message on anything else. */
    static String origin(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw invalid(url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw invalid(url);
        }
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    private static IllegalStateException invalid(String url) {
        return new IllegalStateException("CATALOG_UI_AUTH_URL (catalog.ui.auth-url) must be auth's absolute http(s) URL as"
                + " the browser reaches it, such as http://localhost:4000; it is '" + url + "'");
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
