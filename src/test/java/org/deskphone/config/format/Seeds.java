package org.deskphone.config.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deskphone.testing.SharedFiles;

/** Text taken straight from the two vendor manuals, by seed line number, so tests quote the source. */
public final class Seeds {
    private static List<String> yealink;
    private static List<String> ale;

    private Seeds() {
    }

    /** Lines {@code from} to {@code to} (1-based, inclusive) of the Yealink guide, joined with LF. */
    public static String yealink(int from, int to) {
        if (yealink == null) {
            yealink = read(SharedFiles.yealinkSeed());
        }
        return String.join("\n", yealink.subList(from - 1, to)) + "\n";
    }

    /** Lines {@code from} to {@code to} of the ALE manual. */
    public static String ale(int from, int to) {
        if (ale == null) {
            ale = read(SharedFiles.aleSeed());
        }
        return String.join("\n", ale.subList(from - 1, to)) + "\n";
    }

    public static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
