package org.deskphone.net.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import org.junit.jupiter.api.Test;

/** Summer time set by hand: ALE SettingDst* (seed 004 L11135-11398), Yealink local_time.* (seed 000 L7672-7805). */
class DstRuleTest {

    /** ALE week rule: last Sunday of March 02:00 to last Sunday of October 03:00, 60 min: central Europe. */
    @Test
    void aleWeekRuleGivesCentralEuropeanTime() {
        DstRule rule = new DstRule(DstRule.Boundary.byWeek(Month.MARCH, 5, DayOfWeek.SUNDAY, 2),
                DstRule.Boundary.byWeek(Month.OCTOBER, 5, DayOfWeek.SUNDAY, 3), 60);
        PosixTimeZoneTest.assertSameOffsets(rule.rules(ZoneOffset.ofHours(1)), ZoneId.of("Europe/Paris").getRules(), 2025, 2027);
    }

    /** Yealink By Week, Month/Day of Week/Week/Hour: 3/7/2/2 and 11/7/1/2 with -5 h are New York's rules. */
    @Test
    void yealinkByWeekGivesUsEasternTime() {
        DstRule rule = new DstRule(DstRule.yealink("3/7/2/2", true), DstRule.yealink("11/7/1/2", true), 60);
        PosixTimeZoneTest.assertSameOffsets(rule.rules(ZoneOffset.ofHours(-5)), ZoneId.of("America/New_York").getRules(), 2025, 2026);
        assertThat(DstRule.yealink("3/0/2/2", true)).isEqualTo(DstRule.yealink("3/7/2/2", true));
    }

    /** By date, in the southern hemisphere: summer time runs over New Year. */
    @Test
    void dateRulesCanSpanNewYear() {
        DstRule rule = new DstRule(DstRule.yealink("10/1/2", false), DstRule.yealink("4/1/3", false), 60);
        ZoneRules rules = rule.rules(ZoneOffset.ofHours(10));
        assertThat(rules.getOffset(Instant.parse("2026-01-15T00:00:00Z"))).isEqualTo(ZoneOffset.ofHours(11));
        assertThat(rules.getOffset(Instant.parse("2026-06-15T00:00:00Z"))).isEqualTo(ZoneOffset.ofHours(10));
        assertThat(rules.getOffset(Instant.parse("2026-12-15T00:00:00Z"))).isEqualTo(ZoneOffset.ofHours(11));
        assertThat(rules.nextTransition(Instant.parse("2026-06-01T00:00:00Z")).getDateTimeBefore())
                .isEqualTo(LocalDateTime.of(2026, 10, 1, 2, 0));
    }

    /** The ALE defaults (Jan, last Sunday, 0h to Dec, last Sunday, 23h, 60 min) make a working rule. */
    @Test
    void aleDefaultsMakeAWorkingRule() {
        DstRule rule = new DstRule(DstRule.Boundary.byWeek(Month.JANUARY, 5, DayOfWeek.SUNDAY, 0),
                DstRule.Boundary.byWeek(Month.DECEMBER, 5, DayOfWeek.SUNDAY, 23), 60);
        ZoneRules rules = rule.rules(ZoneOffset.UTC);
        assertThat(rules.getOffset(Instant.parse("2026-01-10T00:00:00Z"))).isEqualTo(ZoneOffset.UTC);
        assertThat(rules.getOffset(Instant.parse("2026-07-01T00:00:00Z"))).isEqualTo(ZoneOffset.ofHours(1));
    }

    @Test
    void aDayBeyondTheMonthIsItsLastSureDayAndZeroSavingIsNoSummerTime() {
        DstRule rule = new DstRule(DstRule.Boundary.byDate(Month.FEBRUARY, 30, 0), DstRule.Boundary.byDate(Month.APRIL, 31, 0), 30);
        ZoneRules rules = rule.rules(ZoneOffset.UTC);
        assertThat(rules.nextTransition(Instant.parse("2026-01-01T00:00:00Z")).getDateTimeBefore())
                .isEqualTo(LocalDateTime.of(2026, 2, 28, 0, 0));
        assertThat(new DstRule(rule.start(), rule.end(), 0).rules(ZoneOffset.UTC).isFixedOffset()).isTrue();
    }

    /** The manual's three-field By Week defaults are not boundaries (digest §6 A18). */
    @Test
    void malformedYealinkBoundariesAreRejected() {
        assertThatThrownBy(() -> DstRule.yealink("1/1/0", true)).hasMessageContaining("'1/1/0'").hasMessageContaining("By Week");
        assertThatThrownBy(() -> DstRule.yealink("12/31/23", true)).hasMessageContaining("By Week");
        assertThatThrownBy(() -> DstRule.yealink("13/1/2", false)).hasMessageContaining("'13/1/2'");
        assertThatThrownBy(() -> DstRule.yealink("3/x/2", false)).hasMessageContaining("whole numbers");
        assertThatThrownBy(() -> DstRule.yealink("3/8/2/2", true)).hasMessageContaining("day of week");
        assertThatThrownBy(() -> DstRule.yealink("3/1/2/24", true)).hasMessageContaining("hour");
        assertThatThrownBy(() -> new DstRule(DstRule.yealink("3/1/2", false), DstRule.yealink("4/1/2", false), 301))
                .hasMessageContaining("-300 to 300");
    }
}
