package org.deskphone.web;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request and its answer, over the JDK's {@link HttpExchange}: the parts of the request a handler
 * reads (path, query, cookies, a bounded body) and the few ways it answers (JSON, bytes, a download, a
 * stream). JSON answers are never cached.
 */
final class Exchange {
    /** The largest JSON body a handler reads: a page of settings, a small uploaded file in base64. */
    static final int MAX_JSON = 8 * 1024 * 1024;
    private static final String JSON = "application/json; charset=utf-8";

    private final HttpExchange http;
    private final boolean secure;
    private Map<String, String> query;
    private Session session;
    private boolean answered;

    Exchange(HttpExchange http, boolean secure) {
        this.http = http;
        this.secure = secure;
    }

    String method() {
        return http.getRequestMethod().toUpperCase(Locale.ROOT);
    }

    String path() {
        return http.getRequestURI().getRawPath();
    }

    /** True when the request came over HTTPS. */
    boolean secure() {
        return secure;
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(http.getRequestHeaders().getFirst(name));
    }

    /** The client's address, without the port: what lockout counts failures against. */
    String remoteAddress() {
        return http.getRemoteAddress().getAddress().getHostAddress();
    }

    /** A query parameter, decoded. */
    Optional<String> query(String name) {
        if (query == null) {
            query = new HashMap<>();
            String raw = http.getRequestURI().getRawQuery();
            if (raw != null) {
                for (String pair : raw.split("&")) {
                    int equals = pair.indexOf('=');
                    String key = decode(equals < 0 ? pair : pair.substring(0, equals));
                    String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                    query.putIfAbsent(key, value);
                }
            }
        }
        return Optional.ofNullable(query.get(name));
    }

    /** A cookie the browser sent. */
    Optional<String> cookie(String name) {
        for (String header : http.getRequestHeaders().getOrDefault("Cookie", java.util.List.of())) {
            for (String part : header.split(";")) {
                int equals = part.indexOf('=');
                if (equals > 0 && part.substring(0, equals).strip().equals(name)) {
                    return Optional.of(part.substring(equals + 1).strip());
                }
            }
        }
        return Optional.empty();
    }

    void session(Session value) {
        session = value;
    }

    /** The logged-in session; every route but login's has one. */
    Session session() {
        if (session == null) {
            throw new IllegalStateException("no session on " + path());
        }
        return session;
    }

    Optional<Session> optionalSession() {
        return Optional.ofNullable(session);
    }

    /** The body as a JSON object; it must say it is JSON (a form post from another site cannot). */
    JsonObject json() {
        String type = header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/json")) {
            throw new WebError(415, "send the body as application/json");
        }
        return Json.object(new String(body(MAX_JSON), StandardCharsets.UTF_8));
    }

    /** The whole body, refused with 413 when longer than {@code max} bytes. */
    byte[] body(long max) {
        try (InputStream in = http.getRequestBody()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16384];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) >= 0) {
                total += n;
                if (total > max) {
                    throw new WebError(413, "the request is larger than " + max + " bytes");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw WebError.badRequest("the request body could not be read: " + e.getMessage());
        }
    }

    InputStream bodyStream() {
        return http.getRequestBody();
    }

    void header(String name, String value) {
        http.getResponseHeaders().set(name, value);
    }

    void addHeader(String name, String value) {
        http.getResponseHeaders().add(name, value);
    }

    void send(int status, JsonElement body) {
        header("Cache-Control", "no-store");
        send(status, JSON, Json.GSON.toJson(body).getBytes(StandardCharsets.UTF_8));
    }

    void send(int status, Object body) {
        send(status, Json.GSON.toJsonTree(body));
    }

    void send(int status, String contentType, byte[] body) {
        answered = true;
        discardBody();
        header("Content-Type", contentType);
        try {
            boolean head = method().equals("HEAD");
            http.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
            if (!head && body.length > 0) {
                try (OutputStream out = http.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException e) {
            // The client went away; nothing to answer to.
        } finally {
            http.close();
        }
    }

    /** A file to save, named {@code fileName}. */
    void download(String contentType, String fileName, byte[] body) {
        header("Cache-Control", "no-store");
        header("Content-Disposition", "attachment; filename=\"" + fileName.replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
        send(200, contentType, body);
    }

    void redirect(int status, String location) {
        header("Location", location);
        send(status, "text/plain; charset=utf-8", ("see " + location + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads what is left of the request's body before answering. The JDK's server leaves unread body bytes
     * on a kept-alive TLS connection, and the next request on it then waits for ever; a refusal that never
     * read the body would do that. A body too long to skip closes the connection instead.
     */
    private void discardBody() {
        try (InputStream in = http.getRequestBody()) {
            byte[] buffer = new byte[8192];
            long skipped = 0;
            int n;
            while ((n = in.read(buffer)) >= 0) {
                skipped += n;
                if (skipped > MAX_JSON) {
                    header("Connection", "close");
                    return;
                }
            }
        } catch (IOException e) {
            header("Connection", "close");
        }
    }

    /** Starts an answer of unknown length (server-sent events); the caller writes and closes it. */
    OutputStream stream(String contentType) throws IOException {
        answered = true;
        discardBody();
        header("Content-Type", contentType);
        header("Cache-Control", "no-store");
        http.sendResponseHeaders(200, 0);
        return http.getResponseBody();
    }

    boolean answered() {
        return answered;
    }

    void close() {
        http.close();
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw WebError.badRequest("the query is not correctly encoded");
        }
    }
}
