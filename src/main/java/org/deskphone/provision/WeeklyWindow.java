package org.deskphone.provision;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * "At the fixed time every week" (Yealink L1489-1508), or ALE's polling by weekdays (L2596-2666): the days,
 * as digits 0 (Sunday) to 6 (Saturday) in any order, and a time window {@code HH:MM}-{@code HH:MM}.
 *
 * <p>A window that ends before it starts runs past midnight into the next day; one that ends where it
 * starts (both Yealink defaults are 00:00) is a single moment (Yealink digest §6 A33). A listed day is the
 * day its window starts.
 */
public record WeeklyWindow(Set<DayOfWeek> days, LocalTime from, LocalTime to) {

    public WeeklyWindow {
        days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /**
     * Parses the manuals' form: {@code dayofweek = 05}, {@code time_from = 02:00}, {@code time_to = 03:00}.
     *
     * @throws IllegalArgumentException naming the value that is wrong
     */
    public static WeeklyWindow parse(String days, String from, String to) {
        Set<DayOfWeek> set = EnumSet.noneOf(DayOfWeek.class);
        for (char digit : days.trim().toCharArray()) {
            if (digit < '0' || digit > '6') {
                throw new IllegalArgumentException("day of week '" + days + "': only the digits 0 (Sunday) to 6 (Saturday)");
            }
            set.add(digit == '0' ? DayOfWeek.SUNDAY : DayOfWeek.of(digit - '0'));
        }
        if (set.isEmpty()) {
            throw new IllegalArgumentException("day of week is empty");
        }
        return new WeeklyWindow(set, time(from), time(to));
    }

    /** How long the window lasts; zero for a single moment. */
    public Duration length() {
        Duration length = Duration.between(from, to);
        return length.isNegative() ? length.plusDays(1) : length;
    }

    /**
     * The first moment after {@code now} at which a phone whose offset is {@code fraction} (0 inclusive to 1
     * exclusive, the same every week) provisions: {@code fraction} of the way into the window.
     */
    public ZonedDateTime next(ZonedDateTime now, double fraction) {
        if (fraction < 0 || fraction >= 1) {
            throw new IllegalArgumentException("fraction must be in [0, 1): " + fraction);
        }
        long offsetSeconds = (long) (length().toSeconds() * fraction);
        ZonedDateTime day = now.toLocalDate().minusDays(1).atStartOfDay(now.getZone());
        for (int i = 0; i < 9; i++, day = day.plusDays(1)) {
            if (!days.contains(day.getDayOfWeek())) {
                continue;
            }
            ZonedDateTime moment = day.with(from).plusSeconds(offsetSeconds);
            if (moment.isAfter(now)) {
                return moment;
            }
        }
        throw new IllegalStateException("no day in " + days);
    }

    /** True when {@code when} falls in one of the windows (its end excluded; a single moment to the minute). */
    public boolean contains(ZonedDateTime when) {
        for (int back = 0; back <= 1; back++) {
            ZonedDateTime day = when.toLocalDate().minusDays(back).atStartOfDay(when.getZone());
            if (!days.contains(day.getDayOfWeek())) {
                continue;
            }
            ZonedDateTime start = day.with(from);
            ZonedDateTime end = length().isZero() ? start.plusMinutes(1) : start.plus(length());
            if (!when.isBefore(start) && when.isBefore(end)) {
                return true;
            }
        }
        return false;
    }

    private static LocalTime time(String value) {
        String text = value.trim();
        if (!text.matches("\\d{1,2}:\\d{2}")) {
            throw new IllegalArgumentException("time '" + value + "' is not HH:MM");
        }
        try {
            return LocalTime.parse(text.length() == 4 ? "0" + text : text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("time '" + value + "' is not between 00:00 and 23:59");
        }
    }
}
