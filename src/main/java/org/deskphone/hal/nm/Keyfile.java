package org.deskphone.hal.nm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A NetworkManager keyfile (GLib's key file format): groups of {@code key=value} lines, values escaped
 * the way GLib reads them back. Keys come in the order they are put, so equal settings give equal files.
 */
final class Keyfile {
    private final List<String> comments = new ArrayList<>();
    private final Map<String, Map<String, String>> groups = new LinkedHashMap<>();

    Keyfile comment(String text) {
        comments.add(text);
        return this;
    }

    Keyfile put(String group, String key, String value) {
        groups.computeIfAbsent(group, g -> new LinkedHashMap<>()).put(key, escape(value));
        return this;
    }

    /** A list value: items joined by {@code ;} with a trailing one, as NetworkManager writes them. */
    Keyfile putList(String group, String key, List<String> values) {
        StringBuilder joined = new StringBuilder();
        for (String value : values) {
            joined.append(escape(value).replace(";", "\\;")).append(';');
        }
        groups.computeIfAbsent(group, g -> new LinkedHashMap<>()).put(key, joined.toString());
        return this;
    }

    String text() {
        StringBuilder out = new StringBuilder();
        for (String comment : comments) {
            out.append("# ").append(comment).append('\n');
        }
        boolean first = true;
        for (Map.Entry<String, Map<String, String>> group : groups.entrySet()) {
            if (!first || !comments.isEmpty()) {
                out.append('\n');
            }
            first = false;
            out.append('[').append(group.getKey()).append("]\n");
            group.getValue().forEach((key, value) -> out.append(key).append('=').append(value).append('\n'));
        }
        return out.toString();
    }

    /** GLib's escapes: backslash, newline, tab, carriage return, and a leading blank as {@code \s}. */
    static String escape(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case ' ' -> out.append(i == 0 ? "\\s" : " ");
                default -> {
                    if (c < 0x20) {
                        throw new IllegalArgumentException("a control character cannot go into a NetworkManager setting");
                    }
                    out.append(c);
                }
            }
        }
        return out.toString();
    }
}
