package org.deskphone.ui;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.deskphone.hal.Geometry;
import org.deskphone.hal.Screen;

/**
 * What the phone shows when nothing is happening: the product name and the time on the first row, the
 * date on the second when there is room, and the status on the last - the account's, or "network
 * unavailable" when the phone has no usable address (ALE L39-41). Time and date are written as the
 * settings say (12 or 24 hours, the manuals' date formats) in the phone's local time.
 */
public final class IdleScreen {
    /** ALE's prompt for a phone without an address (L39-41). */
    public static final String NETWORK_UNAVAILABLE = "network unavailable";

    private final String productName;
    private final DateTimeFormatter time;
    private final DateTimeFormatter date;

    public IdleScreen(String productName, DateTimeFormatter time, DateTimeFormatter date) {
        this.productName = Objects.requireNonNull(productName, "productName");
        this.time = Objects.requireNonNull(time, "time");
        this.date = Objects.requireNonNull(date, "date");
    }

    /**
     * The idle screen of a phone at work: the date row carries the icons of what is on (do not disturb ⊘,
     * forwarding ↪, waiting messages ✉ with their count, the lock), the status row the account and the missed
     * calls, and the last row the idle soft keys when the display has three rows or more.
     */
    public Screen render(Geometry geometry, LocalDateTime now, String status, String icons, String missed, List<String> softKeys) {
        int rows = geometry.rows();
        int columns = geometry.columns();
        List<String> lines = new ArrayList<>();
        lines.add(spread(productName, time.format(now), columns));
        boolean softRow = rows >= 3 && !softKeys.isEmpty();
        int statusRow = softRow ? rows - 2 : rows - 1;
        if (rows >= 4 || rows >= 3 && !softRow) {
            lines.add(Rows.spread(date.format(now), icons, columns));
        }
        while (lines.size() < statusRow) {
            lines.add("");
        }
        if (rows >= 2) {
            boolean iconsShown = rows >= 4 || rows >= 3 && !softRow;
            String right = iconsShown ? missed : (icons + (missed.isEmpty() ? "" : " " + missed)).strip();
            lines.add(Rows.spread(status, right, columns));
        }
        if (softRow) {
            lines.add(Rows.softKeys(softKeys, columns));
        }
        return Screen.of(geometry, lines);
    }

    /** {@code left} and {@code right} at the two ends of a row; the time wins when the row is too short. */
    static String spread(String left, String right, int columns) {
        int room = columns - right.length() - 1;
        if (room <= 0) {
            return right;
        }
        String name = left.length() > room ? left.substring(0, room) : left;
        return name + " ".repeat(columns - name.length() - right.length()) + right;
    }
}
