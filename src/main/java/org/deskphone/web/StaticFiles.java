package org.deskphone.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * The pages' files, served from the classpath ({@code org/deskphone/web/static/}): read once, kept in
 * memory with a gzipped copy and an ETag, so a Pi sends each only when it changed and small.
 */
final class StaticFiles {
    private static final String ROOT = "static/";
    private static final Pattern SAFE = Pattern.compile("[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._-]*)*");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "json", "application/json; charset=utf-8", "svg", "image/svg+xml", "png", "image/png", "ico", "image/x-icon",
            "txt", "text/plain; charset=utf-8", "webmanifest", "application/manifest+json");

    private record File(byte[] plain, byte[] gzipped, String type, String etag) {
    }

    private final Map<String, Optional<File>> cache = new ConcurrentHashMap<>();

    /** Answers a GET or HEAD for a page file; 404 for anything else. */
    void serve(Exchange exchange) {
        if (!exchange.method().equals("GET") && !exchange.method().equals("HEAD")) {
            throw new WebError(405, "only GET here");
        }
        String path = exchange.path();
        String name = path.equals("/") ? "index.html" : path.substring(1);
        Optional<File> file = SAFE.matcher(name).matches() && !name.contains("..") ? cache.computeIfAbsent(name, StaticFiles::load)
                : Optional.empty();
        if (file.isEmpty()) {
            throw WebError.notFound("no page " + path);
        }
        File found = file.get();
        exchange.header("ETag", found.etag);
        // The shell changes with the firmware; the browser revalidates everything, which costs a 304.
        exchange.header("Cache-Control", "no-cache");
        if (exchange.header("If-None-Match").map(found.etag::equals).orElse(false)) {
            exchange.send(304, found.type, new byte[0]);
            return;
        }
        boolean gzip = found.gzipped != null && exchange.header("Accept-Encoding").orElse("").toLowerCase(Locale.ROOT).contains("gzip");
        exchange.header("Vary", "Accept-Encoding");
        if (gzip) {
            exchange.header("Content-Encoding", "gzip");
        }
        exchange.send(200, found.type, gzip ? found.gzipped : found.plain);
    }

    private static Optional<File> load(String name) {
        try (InputStream in = StaticFiles.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] plain = in.readAllBytes();
            String extension = name.substring(name.lastIndexOf('.') + 1);
            String type = TYPES.getOrDefault(extension, "application/octet-stream");
            byte[] gzipped = null;
            if (type.startsWith("text/") || type.contains("json") || type.contains("svg")) {
                ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 3 + 64);
                try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
                    zip.write(plain);
                }
                gzipped = out.toByteArray();
            }
            String etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(plain), 0, 12) + "\"";
            return Optional.of(new File(plain, gzipped, type, etag));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot read the page file " + name + ": " + e.getMessage(), e);
        }
    }

    static String text(String name) {
        return new String(load(name).orElseThrow().plain, StandardCharsets.UTF_8);
    }
}
