package org.deskphone.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deskphone.testing.SharedFiles;

/**
 * The two vendor manuals, read in place, so that a test can check that the line it cites says what the
 * test relies on: a citation that drifts fails here, not silently.
 */
final class Seed {
    private final String name;
    private final List<String> lines;

    private Seed(String name, Path file) {
        this.name = name;
        try {
            this.lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Seed yealink() {
        return new Seed("Yealink", SharedFiles.yealinkSeed());
    }

    static Seed ale() {
        return new Seed("ALE", SharedFiles.aleSeed());
    }

    /** Asserts that lines {@code from}..{@code to} (1-based, inclusive), joined, contain {@code phrase}. */
    void says(int from, int to, String phrase) {
        String text = String.join(" ", lines.subList(from - 1, to)).replaceAll("\\s+", " ");
        assertThat(text).as("%s L%d-%d", name, from, to).contains(phrase);
    }
}
