package org.deskphone.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import org.deskphone.config.format.CfgFormat;

/**
 * The store's file: the layers in {@code .cfg} syntax, so that a person can read it, with {@code #@}
 * lines that say which layer and file the following values belong to, and a last line holding the
 * number of values and a CRC-32 of everything before it. A file without a good last line is torn or
 * damaged and is never loaded.
 *
 * <pre>
 * #!version:1.0.0.1
 * #@applied 0cc175b9c0f1b6a831c399e269772661 2026-11-22T09:58:30Z y000000000000.cfg
 * #@provisioned y000000000000.cfg
 * account.1.enable = 1
 * #@unknown y000000000000.cfg
 * features.text_message.enable = 0
 * #@local
 * account.1.label = Front desk
 * #@end 3 1a2b3c4d
 * </pre>
 */
final class StoreFile {
    static final String NAME = "store.cfg";
    private static final String END = "#@end ";

    private StoreFile() {
    }

    /** True for keys a {@code .cfg} line can hold and read back. */
    static boolean storableKey(String key) {
        if (key.isEmpty() || key.charAt(0) == '#' || key.length() > 256) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c <= ' ' || c == '=' || c == 0x7f || Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    static byte[] write(Layers layers) {
        StringBuilder out = new StringBuilder(64 + 40 * (layers.provisioned().size() + layers.local().size()));
        out.append(CfgFormat.HEADER).append('\n');
        out.append("## deskphone configuration store: the phone rewrites this file whole; edit it only while the phone is stopped\n");
        for (AppliedFile file : layers.applied()) {
            out.append("#@applied ").append(file.md5()).append(' ').append(file.appliedAt()).append(' ')
                    .append(oneLine(file.name())).append('\n');
        }
        int count = 0;
        count += section(out, "#@provisioned ", layers.provisioned());
        count += section(out, "#@unknown ", layers.unknown());
        out.append("#@local\n");
        for (Map.Entry<String, String> entry : new TreeMap<>(layers.local()).entrySet()) {
            CfgFormat.appendLine(out, entry.getKey(), entry.getValue());
            out.append('\n');
            count++;
        }
        byte[] body = out.toString().getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(body);
        byte[] end = (END + count + " " + String.format("%08x", crc.getValue()) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[body.length + end.length];
        System.arraycopy(body, 0, all, 0, body.length);
        System.arraycopy(end, 0, all, body.length, end.length);
        return all;
    }

    /** Values grouped by source file, each group under one {@code #@} line, in a stable order. */
    private static int section(StringBuilder out, String directive, Map<String, Config.Value> values) {
        Map<String, TreeMap<String, String>> bySource = new TreeMap<>();
        values.forEach((key, value) -> bySource.computeIfAbsent(value.source().file(), f -> new TreeMap<>()).put(key, value.text()));
        int count = 0;
        for (Map.Entry<String, TreeMap<String, String>> group : bySource.entrySet()) {
            out.append(directive).append(oneLine(group.getKey())).append('\n');
            for (Map.Entry<String, String> entry : group.getValue().entrySet()) {
                CfgFormat.appendLine(out, entry.getKey(), entry.getValue());
                out.append('\n');
                count++;
            }
        }
        return count;
    }

    /**
     * Reads a store file.
     *
     * @throws IOException when it cannot be read, or is torn or damaged (the message says which)
     */
    static Layers read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int endStart = lastLineStart(bytes);
        String endLine = new String(bytes, endStart, bytes.length - endStart, StandardCharsets.UTF_8).strip();
        if (!endLine.startsWith(END)) {
            throw new IOException(file + " is incomplete (no " + END.strip() + " line): not loaded");
        }
        String[] end = endLine.substring(END.length()).split(" ");
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, endStart);
        if (end.length != 2 || !end[1].equals(String.format("%08x", crc.getValue()))) {
            throw new IOException(file + " is damaged (checksum mismatch): not loaded");
        }
        Map<String, Config.Value> provisioned = new HashMap<>();
        Map<String, Config.Value> unknown = new HashMap<>();
        Map<String, String> local = new HashMap<>();
        List<AppliedFile> applied = new ArrayList<>();
        Map<String, Config.Value> target = null;
        Source source = null;
        boolean inLocal = false;
        int count = 0;
        String text = new String(bytes, 0, endStart, StandardCharsets.UTF_8);
        int lineNumber = 0;
        for (String line : text.split("\n", -1)) {
            lineNumber++;
            if (line.startsWith("#@applied ")) {
                String[] parts = line.substring("#@applied ".length()).split(" ", 3);
                try {
                    applied.add(new AppliedFile(parts[2], parts[0], Instant.parse(parts[1])));
                } catch (ArrayIndexOutOfBoundsException | DateTimeParseException e) {
                    throw new IOException(file + ":" + lineNumber + ": bad #@applied line");
                }
            } else if (line.startsWith("#@provisioned ") || line.startsWith("#@unknown ")) {
                boolean isUnknown = line.startsWith("#@unknown ");
                source = Source.provisioned(line.substring(line.indexOf(' ') + 1));
                target = isUnknown ? unknown : provisioned;
                inLocal = false;
            } else if (line.equals("#@local")) {
                target = null;
                inLocal = true;
            } else if (line.isEmpty() || line.startsWith("#")) {
                continue;
            } else {
                int equals = line.indexOf('=');
                if (equals < 0 || target == null && !inLocal) {
                    throw new IOException(file + ":" + lineNumber + ": a value outside any layer");
                }
                String key = line.substring(0, equals).strip();
                String value = line.substring(equals + 1).strip();
                if (inLocal) {
                    local.put(key, value);
                } else {
                    target.put(key, new Config.Value(value, source));
                }
                count++;
            }
        }
        if (!end[0].equals(Integer.toString(count))) {
            throw new IOException(file + " is damaged (" + count + " values where " + end[0] + " were written): not loaded");
        }
        return new Layers(provisioned, local, unknown, applied);
    }

    private static int lastLineStart(byte[] bytes) {
        int end = bytes.length;
        while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
            end--;
        }
        int start = end;
        while (start > 0 && bytes[start - 1] != '\n') {
            start--;
        }
        return start;
    }

    /** A file name as a store line can hold it: one line, no surrounding blanks. */
    static String oneLine(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        String text = out.toString().strip();
        return text.isEmpty() ? "?" : text;
    }
}
