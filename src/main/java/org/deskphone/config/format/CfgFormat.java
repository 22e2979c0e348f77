package org.deskphone.config.format;

import java.util.ArrayList;
import java.util.List;

/**
 * The Yealink {@code .cfg} dialect, read and written exactly as the Yealink digest §2 describes it.
 *
 * <ul>
 * <li>The header {@code #!version:1.0.0.1} "is not a comment and must be placed in the first line"
 *     (L201–203). The manual's own examples put {@code ####} banner lines before it (L208–214), so we
 *     take it as the first line that is neither blank nor a {@code ##} banner (digest §6 A2).</li>
 * <li>"The line beginning with "#" is considered to be a comment" (L199): only at the start of a line;
 *     a {@code #} inside a value is data ({@code features.dtmf.transfer = *#1}, L9702–9706).</li>
 * <li>{@code key = value}, split at the first {@code =}; key and value are trimmed, whitespace inside
 *     the key is removed ({@code network.primary_ dns}, L646). Values keep {@code =}, {@code #},
 *     spaces and URLs as they are ({@code ldap.base = dc=yealink,dc=cn}, L8822).</li>
 * <li>{@code %NULL%} or {@code !NULL!} resets the parameter to its default (L2017–2021).</li>
 * <li>A line without {@code =} is skipped with a warning and never fails the file (§6 A2).</li>
 * </ul>
 */
public final class CfgFormat {
    public static final String HEADER = "#!version:1.0.0.1";
    static final String HEADER_PREFIX = "#!version:";

    private CfgFormat() {
    }

    /**
     * Reads a {@code .cfg} file.
     *
     * @throws FormatException when the header is missing or the content is not text
     */
    public static SettingsFile read(String source, byte[] content) throws FormatException {
        List<Problem> warnings = new ArrayList<>();
        String text = Text.decode(source, content, warnings);
        List<Setting> settings = new ArrayList<>();
        boolean headerSeen = false;
        int lineNumber = 0;
        int start = 0;
        int length = text.length();
        while (start < length) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = length;
            }
            lineNumber++;
            int stop = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            String line = text.substring(start, stop);
            start = end + 1;
            checkText(source, lineNumber, line);
            String trimmed = line.strip();
            if (!headerSeen) {
                if (trimmed.isEmpty() || trimmed.startsWith("##")) {
                    continue;
                }
                if (!trimmed.startsWith(HEADER_PREFIX)) {
                    throw new FormatException(source, lineNumber,
                            "a .cfg file must start with the header " + HEADER + " (Yealink L201)");
                }
                headerSeen = true;
                continue;
            }
            if (trimmed.isEmpty() || trimmed.charAt(0) == '#') {
                continue;
            }
            int equals = trimmed.indexOf('=');
            if (equals < 0) {
                warnings.add(Problem.warning(source, lineNumber, "no '=' on this line; ignored"));
                continue;
            }
            String key = removeWhitespace(trimmed.substring(0, equals));
            String value = trimmed.substring(equals + 1).strip();
            if (key.isEmpty()) {
                warnings.add(Problem.warning(source, lineNumber, "no key before '='; ignored"));
                continue;
            }
            settings.add(new Setting(key, isReset(value) ? null : value, lineNumber, false));
        }
        if (!headerSeen) {
            throw new FormatException(source, Math.max(1, lineNumber),
                    "no header: a .cfg file must start with " + HEADER + " (Yealink L201)");
        }
        return new SettingsFile(source, Dialect.CFG, settings, warnings);
    }

    /** True for the two reset tokens of L2017–2021. */
    public static boolean isReset(String value) {
        return value.equals("%NULL%") || value.equals("!NULL!");
    }

    /**
     * Writes {@code settings} as a {@code .cfg} file: the header, then one {@code key = value} line each,
     * {@code %NULL%} for a reset. The result reads back to the same settings.
     *
     * @throws IllegalArgumentException for a key or value that a {@code .cfg} line cannot hold
     */
    public static String write(List<Setting> settings) {
        StringBuilder out = new StringBuilder(32 * settings.size() + 32).append(HEADER).append('\n');
        for (Setting setting : settings) {
            appendLine(out, setting.key(), setting.value());
            out.append('\n');
        }
        return out.toString();
    }

    /** Appends {@code key = value} (or {@code key = %NULL%} for a null value), checking that it reads back. */
    public static void appendLine(StringBuilder out, String key, String value) {
        checkKey(key);
        out.append(key).append(" =");
        if (value == null) {
            out.append(" %NULL%");
        } else {
            checkValue(key, value);
            if (!value.isEmpty()) {
                out.append(' ').append(value);
            }
        }
    }

    static void checkKey(String key) {
        if (key.isEmpty() || key.charAt(0) == '#' || key.chars().anyMatch(c -> c == '=' || Character.isWhitespace(c) || c < 0x20)) {
            throw new IllegalArgumentException("'" + key + "' cannot be a .cfg key");
        }
    }

    static void checkValue(String key, String value) {
        if (!value.equals(value.strip()) || isReset(value) || value.chars().anyMatch(c -> Text.isControl((char) c))) {
            throw new IllegalArgumentException(key + ": a .cfg value cannot hold this text (surrounding blanks, "
                    + "control characters or a reset token)");
        }
    }

    private static void checkText(String source, int line, String text) throws FormatException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Text.isControl(c)) {
                throw new FormatException(source, line, String.format(
                        "control character U+%04X: this is not a text file (an encrypted or binary file?)", (int) c));
            }
        }
    }

    private static String removeWhitespace(String key) {
        StringBuilder out = null;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isWhitespace(c)) {
                if (out == null) {
                    out = new StringBuilder(key.length()).append(key, 0, i);
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? key : out.toString();
    }
}
