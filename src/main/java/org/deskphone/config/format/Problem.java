package org.deskphone.config.format;

import java.util.Objects;

/**
 * Something wrong with a file or a value, said so that a person can find and fix it: the file, the
 * line (0 when the problem is not on one line), how bad it is and what is wrong. Printed in the
 * compiler style {@code FILE:LINE: error: message} that editors and CI logs understand.
 */
public record Problem(String source, int line, Severity severity, String message) {

    public enum Severity {
        /** The file (or the change) was refused as a whole. */
        ERROR,
        /** One line or value was skipped or kept aside; the rest applied. */
        WARNING;

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Problem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    public static Problem error(String source, int line, String message) {
        return new Problem(source, line, Severity.ERROR, message);
    }

    public static Problem warning(String source, int line, String message) {
        return new Problem(source, line, Severity.WARNING, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return source + (line > 0 ? ":" + line : "") + ": " + severity + ": " + message;
    }
}
