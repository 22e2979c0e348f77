package org.deskphone.hal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One full picture for a display: exactly {@code rows} lines of exactly {@code columns} characters,
 * already laid out by the UI. Immutable, so a driver may keep it and readers (web UI, tests) may share it.
 */
public final class Screen {
    private final Geometry geometry;
    private final List<String> lines;

    private Screen(Geometry geometry, List<String> lines) {
        this.geometry = geometry;
        this.lines = lines;
    }

    /** Lays {@code lines} onto the grid: missing lines are blank, long lines are cut, extra lines dropped. */
    public static Screen of(Geometry geometry, List<String> lines) {
        List<String> fitted = new ArrayList<>(geometry.rows());
        for (int row = 0; row < geometry.rows(); row++) {
            fitted.add(fit(row < lines.size() ? lines.get(row) : "", geometry.columns()));
        }
        return new Screen(geometry, Collections.unmodifiableList(fitted));
    }

    public static Screen of(Geometry geometry, String... lines) {
        return of(geometry, List.of(lines));
    }

    public static Screen blank(Geometry geometry) {
        return of(geometry, List.of());
    }

    public Geometry geometry() {
        return geometry;
    }

    /** The rows, each padded to the full width. */
    public List<String> lines() {
        return lines;
    }

    public String line(int row) {
        return lines.get(row);
    }

    /** The rows with trailing blanks removed, joined by newlines: what a person reads off the display. */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(line.stripTrailing());
        }
        return text.toString();
    }

    private static String fit(String line, int columns) {
        String clean = line.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
        if (clean.length() >= columns) {
            return clean.substring(0, columns);
        }
        return clean + " ".repeat(columns - clean.length());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Screen && ((Screen) other).geometry.equals(geometry)
                && ((Screen) other).lines.equals(lines);
    }

    @Override
    public int hashCode() {
        return geometry.hashCode() * 31 + lines.hashCode();
    }

    @Override
    public String toString() {
        return text();
    }
}
