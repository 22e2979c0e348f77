package org.deskphone.config.format;

import java.util.Objects;

/**
 * One assignment in a settings file, as written: the key in the file's own spelling, the value, and the
 * line it sits on. A {@code null} value is a reset to the factory default ({@code %NULL%} or
 * {@code !NULL!} in a {@code .cfg}, {@code define="default"} in XML). {@code override} is ALE's
 * {@code override="true"} attribute, kept so that files convert and export without loss; the manual
 * never defines it (ALE digest §11 A-6) and the store gives it no meaning.
 */
public record Setting(String key, String value, int line, boolean override) {

    public Setting {
        Objects.requireNonNull(key, "key");
    }

    public static Setting of(String key, String value) {
        return new Setting(key, value, 0, false);
    }

    public static Setting reset(String key) {
        return new Setting(key, null, 0, false);
    }

    public boolean isReset() {
        return value == null;
    }

    /** The same assignment without its line number, for comparing what two files say. */
    public Setting withoutLine() {
        return line == 0 ? this : new Setting(key, value, 0, override);
    }
}
