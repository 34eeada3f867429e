package org.videoclub.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 written by hand, for what the usual clients do not do on request: hang up right after sending, or send a
 * body in chunks (without Content-Length).
 */
public final class RawHttp {

    /** Status, headers (names lower-cased) and body of an answer. */
    public record Answer(int status, Map<String, String> headers, String body) {
    }

    private RawHttp() {
    }

    /** Sends a JSON request and closes the connection at once, without reading the answer. */
    public static void sendAndHangUp(int port, String method, String path, String bearerToken, String json)
            throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            out.write((head(method, path, bearerToken) + "Content-Length: " + json.getBytes(UTF_8).length + "\r\n\r\n"
                    + json).getBytes(UTF_8));
            out.flush();
        }
    }

    /** Sends a JSON body in chunks of at most 8 KiB, announcing no length, and reads the answer. */
    public static Answer sendChunked(int port, String method, String path, String bearerToken, String json)
            throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((head(method, path, bearerToken) + "Transfer-Encoding: chunked\r\n\r\n").getBytes(UTF_8));
            byte[] body = json.getBytes(UTF_8);
            try {
                for (int from = 0; from < body.length; from += 8192) {
                    int size = Math.min(8192, body.length - from);
                    out.write((Integer.toHexString(size) + "\r\n").getBytes(UTF_8));
                    out.write(body, from, size);
                    out.write("\r\n".getBytes(UTF_8));
                }
                out.write("0\r\n\r\n".getBytes(UTF_8));
                out.flush();
            } catch (IOException refusedMidway) {
                // The server may answer and close before it has read the whole body: its answer is what counts.
            }
            return read(socket.getInputStream());
        }
    }

    private static String head(String method, String path, String bearerToken) {
        return method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + (bearerToken == null ? "" : "Authorization: Bearer " + bearerToken + "\r\n");
    }

    private static Answer read(InputStream in) throws IOException {
        String statusLine = line(in);
        Map<String, String> headers = new TreeMap<>();
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
        return new Answer(Integer.parseInt(statusLine.split(" ")[1]), headers, new String(body, UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                throw new IOException("connection closed before the end of the answer's head");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(UTF_8);
    }
}
