package org.deskphone.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deskphone.hal.Geometry;
import org.deskphone.hal.Screen;

/**
 * What the phone shows when nothing is happening: the product name and the time on the first row, the
 * date on the second when there is room, and the account status on the last.
 */
public final class IdleScreen {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    private final String productName;
    private final ZoneId zone;

    public IdleScreen(String productName, ZoneId zone) {
        this.productName = productName;
        this.zone = zone;
    }

    public Screen render(Geometry geometry, Instant now, String accountStatus) {
        ZonedDateTime local = now.atZone(zone);
        List<String> lines = new ArrayList<>();
        lines.add(spread(productName, TIME.format(local), geometry.columns()));
        if (geometry.rows() >= 3) {
            lines.add(DATE.format(local));
        }
        while (lines.size() < geometry.rows() - 1) {
            lines.add("");
        }
        if (geometry.rows() >= 2) {
            lines.add(accountStatus);
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
