package org.deskphone.net.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** DHCP option 100's POSIX strings: the ALE manual's examples (seed 004 L530-548) checked against the tz database. */
class PosixTimeZoneTest {

    /** ALE L545-547, each compared hour by hour over three years (and at every transition) with its tz zone. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "GMT0BST1,M3.5.0/1:00:00,M10.5.0/2:00:00 | Europe/London",
        "PST8PDT,M3.2.0/2:00:00,M11.1.0/2:00:00 | America/Los_Angeles",
        "NZST-12NZDT,M9.5.0/2:00:00,M4.1.0/3:00:00 | Pacific/Auckland"})
    void theManualsExamplesKeepTheTimeOfTheirCities(String posix, String city) {
        assertSameOffsets(PosixTimeZone.parse(posix).rules(), ZoneId.of(city).getRules(), 2025, 2027);
    }

    /**
     * ALE L545 writes London as GMT0BST1, which by the manual's own rule (L538-541, and POSIX) puts summer
     * time an hour behind GMT (digest §11 A-4). We read such a summer offset the other way round; the
     * strict POSIX spelling gives the same zone without that reading.
     */
    @Test
    void theManualsLondonIsReadWithItsOwnSignAndTheStrictSpellingNeedsNoLeniency() {
        PosixTimeZone manual = PosixTimeZone.parse("GMT0BST1,M3.5.0/1:00:00,M10.5.0/2:00:00");
        assertThat(manual.signLenient()).isTrue();
        assertThat(manual.summerOffset()).contains(ZoneOffset.ofHours(1));
        PosixTimeZone strict = PosixTimeZone.parse("GMT0BST,M3.5.0/1,M10.5.0");
        assertThat(strict.signLenient()).isFalse();
        assertSameOffsets(strict.rules(), manual.rules(), 2024, 2026);
        assertThat(PosixTimeZone.parse("GMT0BST-1,M3.5.0/1,M10.5.0").signLenient()).isFalse();
    }

    /** Dublin's summer time is standard and winter "negative" in tzdb; the leniency must leave it alone. */
    @Test
    void aNegativeSummerTimeAtOffsetZeroIsKept() {
        PosixTimeZone dublin = PosixTimeZone.parse("IST-1GMT0,M10.5.0,M3.5.0/1");
        assertThat(dublin.signLenient()).isFalse();
        assertSameOffsets(dublin.rules(), ZoneId.of("Europe/Dublin").getRules(), 2025, 2026);
    }

    @Test
    void offsetsArePosixSignedMinutesAndSecondsIncluded() {
        assertThat(PosixTimeZone.parse("IST-5:30").standardOffset()).isEqualTo(ZoneOffset.ofHoursMinutes(5, 30));
        assertThat(PosixTimeZone.parse("NST3:30NDT,M3.2.0,M11.1.0").standardOffset())
                .isEqualTo(ZoneOffset.ofHoursMinutes(-3, -30));
        assertThat(PosixTimeZone.parse("<+0545>-5:45").rules().getOffset(Instant.EPOCH))
                .isEqualTo(ZoneOffset.ofHoursMinutes(5, 45));
        assertThat(PosixTimeZone.parse("XXX+3:20:15").standardOffset().getTotalSeconds()).isEqualTo(-(3 * 3600 + 20 * 60 + 15));
    }

    @Test
    void withoutASummerOffsetSummerTimeIsOneHourAhead() {
        PosixTimeZone eastern = PosixTimeZone.parse("EST5EDT,M3.2.0,M11.1.0");
        assertThat(eastern.summerOffset()).contains(ZoneOffset.ofHours(-4));
        assertSameOffsets(eastern.rules(), ZoneId.of("America/New_York").getRules(), 2025, 2026);
    }

    @Test
    void withoutRulesUsRulesApplyAsInGlibc() {
        assertSameOffsets(PosixTimeZone.parse("EST5EDT").rules(), ZoneId.of("America/New_York").getRules(), 2025, 2025);
    }

    /** Jn never counts February 29: J60 is March 1 every year. */
    @Test
    void julianDaysSkipLeapDays() {
        ZoneRules rules = PosixTimeZone.parse("AAA3BBB,J60/2,J300/2").rules();
        assertThat(transitionsIn(rules, 2024)[0].getDateTimeBefore()).isEqualTo(LocalDateTime.of(2024, 3, 1, 2, 0));
        assertThat(transitionsIn(rules, 2025)[0].getDateTimeBefore()).isEqualTo(LocalDateTime.of(2025, 3, 1, 2, 0));
    }

    /** n counts from 0 and counts February 29: day 59 is February 29 in leap years, March 1 otherwise. */
    @Test
    void zeroBasedDaysCountLeapDays() {
        ZoneRules rules = PosixTimeZone.parse("AAA3BBB,59/2,300/2").rules();
        assertThat(transitionsIn(rules, 2024)[0].getDateTimeBefore()).isEqualTo(LocalDateTime.of(2024, 2, 29, 2, 0));
        assertThat(transitionsIn(rules, 2025)[0].getDateTimeBefore()).isEqualTo(LocalDateTime.of(2025, 3, 1, 2, 0));
    }

    /** RFC 8536 §3.3.1 lets a rule's time be negative or beyond 24 h (tzdb writes Greenland so). */
    @Test
    void ruleTimesMayBeNegativeOrPastMidnight() {
        ZoneRules nuuk = PosixTimeZone.parse("<-02>2<-01>,M3.5.0/-1,M10.5.0/0").rules();
        ZoneOffsetTransition spring = transitionsIn(nuuk, 2025)[0];
        // The last Sunday of March 2025 is the 30th; at -1:00 it is Saturday the 29th, 23:00.
        assertThat(spring.getDateTimeBefore()).isEqualTo(LocalDateTime.of(2025, 3, 29, 23, 0));
        ZoneRules late = PosixTimeZone.parse("AAA3BBB,M3.2.0/26,M11.1.0/2").rules();
        assertThat(transitionsIn(late, 2025)[0].getDateTimeBefore()).isEqualTo(LocalDateTime.of(2025, 3, 10, 2, 0));
    }

    @Test
    void aZoneWithoutSummerTimeHasNoTransitions() {
        ZoneRules utc = PosixTimeZone.parse("UTC0").rules();
        assertThat(utc.isFixedOffset()).isTrue();
        assertThat(utc.getOffset(Instant.parse("2026-07-01T00:00:00Z"))).isEqualTo(ZoneOffset.UTC);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "PST", "P8", "PST8PDT,M3.2.0", "PST8PDT,M13.2.0,M11.1.0", "PST8PDT,M3.6.0,M11.1.0",
        "PST8PDT,M3.2.7,M11.1.0", "PST25", "<P8", "PST8PDT,J0,J300", "PST8PDT,M3.2.0/2x,M11.1.0", "PST8PDT;M3.2.0,M11.1.0"})
    void malformedStringsAreRejectedSayingWhere(String text) {
        assertThatThrownBy(() -> PosixTimeZone.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text.isBlank() ? "empty" : text.trim());
    }

    /** Any Mm.w.d start falls on weekday d, in week w of month m (week 5: the last such weekday). */
    @Property(tries = 300)
    void weekRulesLandOnTheirWeekday(@ForAll @IntRange(min = 1, max = 12) int month, @ForAll @IntRange(min = 1, max = 5) int week,
            @ForAll @IntRange(min = 0, max = 6) int day, @ForAll @IntRange(min = 1990, max = 2100) int year) {
        int endMonth = month == 12 ? 1 : month + 1;
        ZoneRules rules = PosixTimeZone.parse("AAA5BBB,M" + month + "." + week + "." + day + "/3,M" + endMonth + ".1.0/3").rules();
        LocalDateTime start = java.util.Arrays.stream(transitionsIn(rules, year))
                .filter(t -> t.getOffsetAfter().equals(ZoneOffset.ofHours(-4))).findFirst().orElseThrow().getDateTimeBefore();
        assertThat(start.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY.plus(day));
        assertThat(start.getMonthValue()).isEqualTo(month);
        assertThat(start.toLocalTime()).hasToString("03:00");
        int weekOfMonth = (start.getDayOfMonth() - 1) / 7 + 1;
        if (week < 5) {
            assertThat(weekOfMonth).isEqualTo(week);
        } else {
            assertThat(start.plusWeeks(1).getMonthValue()).isNotEqualTo(month);
        }
    }

    private static ZoneOffsetTransition[] transitionsIn(ZoneRules rules, int year) {
        Instant from = LocalDateTime.of(year, 1, 1, 0, 0).toInstant(ZoneOffset.UTC).minus(Duration.ofDays(1));
        Instant to = LocalDateTime.of(year + 1, 1, 1, 0, 0).toInstant(ZoneOffset.UTC);
        java.util.List<ZoneOffsetTransition> found = new java.util.ArrayList<>();
        ZoneOffsetTransition next = rules.nextTransition(from);
        while (next != null && next.getInstant().isBefore(to)) {
            if (next.getDateTimeBefore().getYear() == year) {
                found.add(next);
            }
            next = rules.nextTransition(next.getInstant());
        }
        return found.toArray(ZoneOffsetTransition[]::new);
    }

    /** Same offset every hour from January of {@code first} to December of {@code last}, and a minute either side of each transition. */
    static void assertSameOffsets(ZoneRules actual, ZoneRules expected, int first, int last) {
        Instant start = LocalDateTime.of(first, 1, 1, 0, 0).toInstant(ZoneOffset.UTC);
        Instant end = LocalDateTime.of(last + 1, 1, 1, 0, 0).toInstant(ZoneOffset.UTC);
        for (Instant t = start; t.isBefore(end); t = t.plus(Duration.ofHours(1))) {
            assertThat(actual.getOffset(t)).as("offset at %s", t).isEqualTo(expected.getOffset(t));
        }
        for (ZoneOffsetTransition transition = expected.nextTransition(start); transition != null
                && transition.getInstant().isBefore(end); transition = expected.nextTransition(transition.getInstant())) {
            for (long seconds : new long[] {-60, 0, 60}) {
                Instant t = transition.getInstant().plusSeconds(seconds);
                assertThat(actual.getOffset(t)).as("offset at %s", t).isEqualTo(expected.getOffset(t));
            }
        }
    }
}
