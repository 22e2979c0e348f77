package org.deskphone.ui;

import java.time.Duration;
import java.util.List;

/** Laying text into the rows of a character grid: two ends of a row, soft-key slots, durations. */
final class Rows {

    private Rows() {
    }

    /** {@code left} and {@code right} at the two ends of a row of {@code columns}; the left gives way. */
    static String spread(String left, String right, int columns) {
        if (right.isEmpty()) {
            return cut(left, columns);
        }
        int room = columns - right.length() - 1;
        if (room <= 0) {
            return cut(right, columns);
        }
        String start = cut(left, room);
        return start + " ".repeat(columns - start.length() - right.length()) + right;
    }

    static String cut(String text, int columns) {
        return text.length() <= columns ? text : text.substring(0, Math.max(0, columns));
    }

    /** The soft-key labels in equal slots across the row, each cut to its slot less one blank. */
    static String softKeys(List<String> labels, int columns) {
        if (labels.isEmpty()) {
            return "";
        }
        int slot = columns / labels.size();
        StringBuilder row = new StringBuilder();
        for (String label : labels) {
            String shown = cut(label, Math.max(1, slot - 1));
            row.append(shown).append(" ".repeat(Math.max(0, slot - shown.length())));
        }
        return row.toString().stripTrailing();
    }

    /** {@code m:ss}, or {@code h:mm:ss} from an hour on. */
    static String duration(Duration d) {
        long seconds = Math.max(0, d.getSeconds());
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%d:%02d", m, s);
    }
}
