package org.videoclub.catalog.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A stand-in for auth's revocation feed ({@code GET /sessions/revocations?after=N}) on a random local port, which the
 * tests fill with revocations and can take "down" (every answer a 503) and bring back.
 */
public class StubAuthServer implements QuarkusTestResourceLifecycleManager {

    private record Entry(long seq, String sid, long exp) {
    }

    private static HttpServer server;
    private static final List<Entry> ENTRIES = new CopyOnWriteArrayList<>();
    private static final AtomicInteger REQUESTS = new AtomicInteger();
    /** Notified on every feed request, for {@link #awaitAppliedPoll()}. */
    private static final Object FEED_ASKED = new Object();
    /** catalog's default max-staleness: a catalog that has not polled for that long fails closed anyway. */
    private static volatile boolean down;
    private static volatile boolean hanging;
    private static volatile String jwks = "{\"keys\":[]}";
    private static final AtomicInteger JWKS_REQUESTS = new AtomicInteger();
    /** Init arg: when "true", catalog reads its verification keys from this stub's JWKS instead of a PEM file. */
    public static final String SERVE_KEYS = "serve-keys";
    private boolean serveKeys;

    @Override
    public void init(Map<String, String> initArgs) {
        serveKeys = Boolean.parseBoolean(initArgs.getOrDefault(SERVE_KEYS, "false"));
    }

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot start the stub auth server", e);
            }
            server.createContext("/sessions/revocations", StubAuthServer::revocations);
            server.createContext("/.well-known/jwks.json", exchange -> {
                JWKS_REQUESTS.incrementAndGet();
                send(exchange, 200, jwks);
            });
            server.setExecutor(Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "stub-auth");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
        }
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        if (serveKeys) {
            jwks = TestTokens.jwks(TestTokens.PUBLIC_KEY);
        }
        return serveKeys
                ? Map.of("quarkus.rest-client.auth.url", url, "mp.jwt.verify.publickey.location", url + "/.well-known/jwks.json")
                : Map.of("quarkus.rest-client.auth.url", url);
    }

    @Override
    public void stop() {
        // Shared by every application start of the test JVM; the JVM's end stops it.
    }

    /** Revokes {@code sid} (its newest token expiring at {@code exp}), as auth's logout would. */
    public static void revoke(String sid, Instant exp) {
        ENTRIES.add(new Entry(ENTRIES.stream().mapToLong(Entry::seq).max().orElse(0) + 1, sid, exp.getEpochSecond()));
    }

    /**
     * A revocation committed late: its sequence number is below ones already served, so only a re-read of the feed from
     * the start finds it.
     */
    public static void revokeLate(String sid, Instant exp, long seq) {
        ENTRIES.add(new Entry(seq, sid, exp.getEpochSecond()));
    }

    /** Down: every answer is a 503. */
    public static void setDown(boolean isDown) {
        down = isDown;
    }

    /** Hanging: answers take 10 s, far longer than catalog's request timeout. */
    public static void setHanging(boolean isHanging) {
        hanging = isHanging;
    }

    /** The JWKS served at /.well-known/jwks.json from now on. */
    public static void setJwks(String json) {
        jwks = json;
    }

    /** How many times the JWKS was read. */
    public static int jwksRequests() {
        return JWKS_REQUESTS.get();
    }

    public static int requests() {
        return REQUESTS.get();
    }

    /**
     * Returns once catalog has applied a poll that asked the feed after this call, for a catalog run from outside
     * (which cannot be made to poll): it waits for the second feed request from now. The first one saw every revocation
     * made before this call, and catalog's polls never overlap, so the second is sent only once that poll has ended.
     */
    public static void awaitAppliedPoll() {
        int target = REQUESTS.get() + 2;
        synchronized (FEED_ASKED) {
            while (REQUESTS.get() < target) {
                try {
                    FEED_ASKED.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while waiting for catalog's poll", e);
                }
            }
        }
    }

    private static void revocations(HttpExchange exchange) throws IOException {
        REQUESTS.incrementAndGet();
        synchronized (FEED_ASKED) {
            FEED_ASKED.notifyAll();
        }
        if (hanging) {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (down) {
            send(exchange, 503, "{\"status\":503}");
            return;
        }
        String query = exchange.getRequestURI().getQuery();
        long after = query != null && query.startsWith("after=") ? Long.parseLong(query.substring(6)) : 0;
        List<Entry> newer = ENTRIES.stream().filter(entry -> entry.seq() > after).toList();
        long last = newer.stream().mapToLong(Entry::seq).max().orElse(after);
        String items = newer.stream()
                .map(entry -> "{\"seq\":" + entry.seq() + ",\"sid\":\"" + entry.sid() + "\",\"exp\":" + entry.exp() + "}")
                .collect(Collectors.joining(","));
        send(exchange, 200, "{\"revocations\":[" + items + "],\"last\":" + last + "}");
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
