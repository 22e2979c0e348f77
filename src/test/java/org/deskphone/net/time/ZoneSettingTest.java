package org.deskphone.net.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which zone the phone shows time in: settings, DHCP options 100/101/2, or the system's. */
class ZoneSettingTest {
    private static final ZoneId SYSTEM = ZoneId.of("Asia/Tokyo");
    private static final Instant WINTER = Instant.parse("2026-01-15T12:00:00Z");
    private static final Instant SUMMER = Instant.parse("2026-07-15T12:00:00Z");
    private static final ZoneSetting.FromDhcp LOS_ANGELES = new ZoneSetting.FromDhcp(Optional.empty(),
            Optional.of("PST8PDT,M3.2.0/2:00:00,M11.1.0/2:00:00"), Optional.empty());

    @Test
    void nothingConfiguredAndNoDhcpIsTheSystemZone() {
        LocalZone zone = ZoneSetting.NONE.resolve(ZoneSetting.FromDhcp.NONE, SYSTEM);
        assertThat(zone.rules().getOffset(WINTER)).isEqualTo(ZoneOffset.ofHours(9));
        assertThat(zone.source()).contains("Asia/Tokyo");
    }

    /** ALE L530-548: option 100 defines the time zone. */
    @Test
    void dhcpOption100SetsTheZoneWhenNoneIsConfigured() {
        LocalZone zone = ZoneSetting.NONE.resolve(LOS_ANGELES, SYSTEM);
        assertThat(zone.rules().getOffset(WINTER)).isEqualTo(ZoneOffset.ofHours(-8));
        assertThat(zone.rules().getOffset(SUMMER)).isEqualTo(ZoneOffset.ofHours(-7));
        assertThat(zone.source()).startsWith("DHCP option 100");
    }

    @Test
    void option101BeatsOption100AndOption2IsTheLastResort() {
        ZoneSetting.FromDhcp both = new ZoneSetting.FromDhcp(Optional.of("Europe/Berlin"), LOS_ANGELES.posix(), Optional.of(3600));
        assertThat(ZoneSetting.NONE.resolve(both, SYSTEM).rules().getOffset(SUMMER)).isEqualTo(ZoneOffset.ofHours(2));
        ZoneSetting.FromDhcp offsetOnly = new ZoneSetting.FromDhcp(Optional.empty(), Optional.of("not a zone"), Optional.of(-3 * 3600));
        assertThat(ZoneSetting.NONE.resolve(offsetOnly, SYSTEM).rules().getOffset(SUMMER)).isEqualTo(ZoneOffset.ofHours(-3));
    }

    @Test
    void aConfiguredOffsetBeatsDhcp() {
        ZoneSetting fixed = new ZoneSetting(Optional.of(ZoneOffset.ofHours(1)), ZoneSetting.DstMode.OFF, Optional.empty(),
                Optional.empty(), false);
        assertThat(fixed.resolve(LOS_ANGELES, SYSTEM).rules().getOffset(SUMMER)).isEqualTo(ZoneOffset.ofHours(1));
    }

    /** Yealink local_time.dhcp_time (L7888-7895): DHCP's zone first, only while the configured zone is 0. */
    @Test
    void yealinkDhcpTimePutsDhcpFirstOnlyForZoneZero() {
        ZoneSetting zero = new ZoneSetting(Optional.of(ZoneOffset.UTC), ZoneSetting.DstMode.OFF, Optional.empty(), Optional.empty(), true);
        assertThat(zero.resolve(LOS_ANGELES, SYSTEM).rules().getOffset(WINTER)).isEqualTo(ZoneOffset.ofHours(-8));
        ZoneSetting one = new ZoneSetting(Optional.of(ZoneOffset.ofHours(1)), ZoneSetting.DstMode.OFF, Optional.empty(), Optional.empty(), true);
        assertThat(one.resolve(LOS_ANGELES, SYSTEM).rules().getOffset(WINTER)).isEqualTo(ZoneOffset.ofHours(1));
    }

    /** ALE SettingDstEnable=2 with SettingTimeZoneLocation (L11135-11150): the location's own rules. */
    @Test
    void automaticSummerTimeFollowsTheLocation() {
        ZoneSetting paris = new ZoneSetting(Optional.of(ZoneOffset.ofHours(1)), ZoneSetting.DstMode.AUTOMATIC,
                Optional.of("Paris"), Optional.empty(), false);
        LocalZone zone = paris.resolve(ZoneSetting.FromDhcp.NONE, SYSTEM);
        assertThat(zone.rules().getOffset(WINTER)).isEqualTo(ZoneOffset.ofHours(1));
        assertThat(zone.rules().getOffset(SUMMER)).isEqualTo(ZoneOffset.ofHours(2));
    }

    /** Yealink names its zones for display ("United Kingdom(London)"): the city in brackets is found. */
    @Test
    void yealinkDisplayNamesFindTheirCity() {
        ZoneSetting london = new ZoneSetting(Optional.of(ZoneOffset.UTC), ZoneSetting.DstMode.AUTOMATIC,
                Optional.of("United Kingdom(London)"), Optional.empty(), false);
        assertThat(london.resolve(ZoneSetting.FromDhcp.NONE, SYSTEM).rules().getOffset(SUMMER)).isEqualTo(ZoneOffset.ofHours(1));
        ZoneSetting beijing = new ZoneSetting(Optional.of(ZoneOffset.ofHours(8)), ZoneSetting.DstMode.AUTOMATIC,
                Optional.of("China(Beijing)"), Optional.empty(), false);
        LocalZone zone = beijing.resolve(ZoneSetting.FromDhcp.NONE, SYSTEM);
        assertThat(zone.rules().getOffset(SUMMER)).as("no tz city Beijing: the fixed offset").isEqualTo(ZoneOffset.ofHours(8));
        assertThat(zone.rules().isFixedOffset()).isTrue();
    }

    @Test
    void summerTimeByHandUsesTheRule() {
        DstRule rule = new DstRule(DstRule.Boundary.byWeek(Month.MARCH, 5, DayOfWeek.SUNDAY, 2),
                DstRule.Boundary.byWeek(Month.OCTOBER, 5, DayOfWeek.SUNDAY, 3), 30);
        ZoneSetting manual = new ZoneSetting(Optional.of(ZoneOffset.ofHours(2)), ZoneSetting.DstMode.MANUAL, Optional.empty(),
                Optional.of(rule), false);
        LocalZone zone = manual.resolve(ZoneSetting.FromDhcp.NONE, SYSTEM);
        assertThat(zone.rules().getOffset(SUMMER)).isEqualTo(ZoneOffset.ofHoursMinutes(2, 30));
        assertThat(zone.local(WINTER)).hasToString("2026-01-15T14:00");
    }
}
