package org.deskphone.net.time;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * How the phone writes the time and the date: 12 or 24 hours ({@code SettingTimeFormat}, ALE L11451:
 * "1:00 PM displays as 13:00"; {@code local_time.time_format}, Yealink L7825) and one of the manuals'
 * date formats by number ({@code SettingDateFormat}, ALE L11468; {@code local_time.date_format}, Yealink
 * L7844). Numbers 0-6 mean the same in both manuals; 7-11 follow ALE (Yealink's 7-9 are T20P-only).
 *
 * @param twentyFourHours 24-hour clock rather than AM/PM
 * @param dateFormat      0-11
 */
public record ClockFormat(boolean twentyFourHours, int dateFormat) {
    /** The date patterns by number, in the manuals' notation and as {@link DateTimeFormatter} patterns. */
    private static final List<String> MANUAL = List.of("WWW MMM DD", "DD-MMM-YY", "YYYY-MM-DD", "DD/MM/YYYY",
            "MM/DD/YY", "DD MMM YYYY", "WWW DD MMM", "MM DD WWW", "YY-MM-DD", "YYYY/MM/DD", "YY/MM/DD", "YYYY MM DD");
    private static final List<String> PATTERNS = List.of("EEE MMM dd", "dd-MMM-yy", "yyyy-MM-dd", "dd/MM/yyyy",
            "MM/dd/yy", "dd MMM yyyy", "EEE dd MMM", "MM dd EEE", "yy-MM-dd", "yyyy/MM/dd", "yy/MM/dd", "yyyy MM dd");

    /** 24 hours, {@code WWW MMM DD}: the catalogue's defaults. */
    public static final ClockFormat DEFAULT = new ClockFormat(true, 0);

    public ClockFormat {
        if (dateFormat < 0 || dateFormat >= PATTERNS.size()) {
            throw new IllegalArgumentException("date format must be 0-" + (PATTERNS.size() - 1) + ", not " + dateFormat);
        }
    }

    public DateTimeFormatter time() {
        return DateTimeFormatter.ofPattern(twentyFourHours ? "HH:mm" : "h:mm a", Locale.ENGLISH);
    }

    public DateTimeFormatter date() {
        return DateTimeFormatter.ofPattern(PATTERNS.get(dateFormat), Locale.ENGLISH);
    }

    /** The manual's name of this date format, for menus. */
    public String dateFormatName() {
        return MANUAL.get(dateFormat);
    }

    public static int dateFormats() {
        return PATTERNS.size();
    }
}
