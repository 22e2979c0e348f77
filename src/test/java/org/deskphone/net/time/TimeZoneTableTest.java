package org.deskphone.net.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ALE manual's time-zone table (seed 004 L10885-11030) against the JDK's tz database. */
class TimeZoneTableTest {
    /**
     * The table gives each place one offset as of about 2020: its standard time, or for places whose tz
     * data models summer as standard (Dublin, Casablanca, Windhoek) the time kept most of the year. A
     * location passes when its standard or its wall offset on one of these days is the table's.
     */
    private static final List<Instant> TABLE_DATES = List.of(Instant.parse("2020-01-15T00:00:00Z"),
            Instant.parse("2020-07-15T00:00:00Z"));
    private static final Instant TABLE_DATE = TABLE_DATES.get(0);
    /**
     * Locations the tz database puts elsewhere than the table, and why: facts about the world or the
     * manual, not about our code. The test fails if one of them comes right, so the list cannot go stale.
     */
    private static final Map<String, String> DIFFERENT = Map.of(
            "Pacific-New", "not a tz location any more (tzdata 2020b removed US/Pacific-New)",
            "Scoresbysund", "filed under +1:00 by the manual; it keeps UTC-1 (UTC-2 since 2024)",
            "Vostok", "filed under +6:00; tzdata 2023d found it kept +7 until December 2023, +5 since");

    @Test
    void theTableHasEveryOffsetOfTheManual() {
        List<TimeZoneTable.Entry> entries = TimeZoneTable.manual().entries();
        assertThat(entries).hasSizeGreaterThan(400);
        assertThat(entries).contains(new TimeZoneTable.Entry(ZoneOffset.ofHoursMinutes(-9, -30), "Marquesas"),
                new TimeZoneTable.Entry(ZoneOffset.ofHoursMinutes(5, 45), "Kathmandu"),
                new TimeZoneTable.Entry(ZoneOffset.ofHoursMinutes(12, 45), "Chatham"),
                new TimeZoneTable.Entry(ZoneOffset.ofHours(14), "Kiritimati"),
                new TimeZoneTable.Entry(ZoneOffset.ofHours(-11), "Midway"));
        assertThat(entries.stream().map(TimeZoneTable.Entry::offset).distinct()).hasSize(37);
    }

    @Test
    void everyLocationResolvesToATzZoneWithTheTablesStandardOffset() {
        List<String> wrong = new ArrayList<>();
        for (TimeZoneTable.Entry entry : TimeZoneTable.manual().entries()) {
            Optional<ZoneId> zone = TimeZoneTable.zone(entry.location());
            boolean matches = zone.isPresent() && TABLE_DATES.stream().anyMatch(date ->
                    zone.get().getRules().getStandardOffset(date).equals(entry.offset())
                            || zone.get().getRules().getOffset(date).equals(entry.offset()));
            if (matches == DIFFERENT.containsKey(entry.location())) {
                wrong.add(entry.location() + " (" + zone.map(ZoneId::getId).orElse("no tz zone") + "): "
                        + (matches ? "matches now; remove it from DIFFERENT" : "offset differs from the table's " + entry.offset()));
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void namesAreMatchedTheWayTheManualWritesThem() {
        assertThat(TimeZoneTable.zone("Los_Angeles")).contains(ZoneId.of("America/Los_Angeles"));
        assertThat(TimeZoneTable.zone("Indiana/Knox")).contains(ZoneId.of("America/Indiana/Knox"));
        assertThat(TimeZoneTable.zone("Cape Verde")).contains(ZoneId.of("Atlantic/Cape_Verde"));
        assertThat(TimeZoneTable.zone("argentina/buenos_aires")).contains(ZoneId.of("America/Argentina/Buenos_Aires"));
        assertThat(TimeZoneTable.zone("Europe/Paris")).contains(ZoneId.of("Europe/Paris"));
        assertThat(TimeZoneTable.zone("Universal").map(z -> z.getRules().getOffset(TABLE_DATE))).contains(ZoneOffset.UTC);
        assertThat(TimeZoneTable.zone("Atlantis")).isEmpty();
        assertThat(TimeZoneTable.zone(" ")).isEmpty();
        assertThat(TimeZoneTable.manual().offset("cape_verde")).contains(ZoneOffset.ofHours(-1));
        assertThat(Set.of(TimeZoneTable.manual().offset("Nowhere"))).containsExactly(Optional.empty());
    }
}
