package org.deskphone.net.time;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time-zone list of the ALE manual (L10885-11030): offsets from UTC with the tz-database city names
 * filed under each, which {@code SettingTimeZoneLocation} takes for automatic summer time. Names resolve
 * to the JDK's tz database ({@code Los_Angeles} is {@code America/Los_Angeles}); the few the database no
 * longer has keep the manual's offset without summer time.
 */
public final class TimeZoneTable {
    private static final Pattern LINE = Pattern.compile("([+-])(\\d{1,2}):(\\d{2}) (.+)");
    private static final List<String> REGIONS = List.of("America/", "Europe/", "Asia/", "Africa/", "Australia/",
            "Pacific/", "Atlantic/", "Indian/", "Antarctica/", "Arctic/");
    private static final TimeZoneTable MANUAL = load();

    /** One row: a location and the offset the manual files it under. */
    public record Entry(ZoneOffset offset, String location) {
    }

    private final List<Entry> entries;

    private TimeZoneTable(List<Entry> entries) {
        this.entries = Collections.unmodifiableList(entries);
    }

    public static TimeZoneTable manual() {
        return MANUAL;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The manual's offset for {@code location}, compared without case, blanks read as underscores. */
    public Optional<ZoneOffset> offset(String location) {
        String wanted = normal(location);
        return entries.stream().filter(e -> normal(e.location()).equals(wanted)).map(Entry::offset).findFirst();
    }

    /**
     * The tz-database zone of a location name: an exact ID ({@code Europe/Paris}, {@code UTC}), or a city
     * ({@code Paris}, {@code Indiana/Knox}, {@code Cape Verde}) matched against the end of the IDs, the
     * main regions first.
     */
    public static Optional<ZoneId> zone(String location) {
        if (location == null || location.isBlank()) {
            return Optional.empty();
        }
        String wanted = location.trim().replace(' ', '_');
        Set<String> ids = ZoneId.getAvailableZoneIds();
        for (String id : ids) {
            if (id.equalsIgnoreCase(wanted)) {
                return Optional.of(ZoneId.of(id));
            }
        }
        String suffix = "/" + wanted.toLowerCase(Locale.ROOT);
        TreeSet<String> found = new TreeSet<>(Comparator.comparingInt(TimeZoneTable::regionRank)
                .thenComparing(Comparator.naturalOrder()));
        for (String id : ids) {
            if (id.toLowerCase(Locale.ROOT).endsWith(suffix) && !id.startsWith("SystemV/")) {
                found.add(id);
            }
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(ZoneId.of(found.first()));
    }

    private static int regionRank(String id) {
        for (int i = 0; i < REGIONS.size(); i++) {
            if (id.startsWith(REGIONS.get(i))) {
                return i;
            }
        }
        return REGIONS.size();
    }

    private static String normal(String location) {
        return location.trim().replace(' ', '_').toLowerCase(Locale.ROOT);
    }

    private static TimeZoneTable load() {
        List<Entry> entries = new ArrayList<>();
        try (InputStream in = TimeZoneTable.class.getResourceAsStream("time-zones.txt")) {
            if (in == null) {
                throw new IllegalStateException("time-zones.txt is missing from the build");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                Matcher m = LINE.matcher(line.trim());
                if (!m.matches()) {
                    throw new IllegalStateException("time-zones.txt: bad line '" + line + "'");
                }
                int seconds = Integer.parseInt(m.group(2)) * 3600 + Integer.parseInt(m.group(3)) * 60;
                entries.add(new Entry(ZoneOffset.ofTotalSeconds(m.group(1).equals("-") ? -seconds : seconds), m.group(4)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TimeZoneTable(entries);
    }
}
