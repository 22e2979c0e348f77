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

    public Screen render(Geometry geometry, LocalDateTime now, String status) {
        List<String> lines = new ArrayList<>();
        lines.add(spread(productName, time.format(now), geometry.columns()));
        if (geometry.rows() >= 3) {
            lines.add(date.format(now));
        }
        while (lines.size() < geometry.rows() - 1) {
            lines.add("");
        }
        if (geometry.rows() >= 2) {
            lines.add(status);
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
