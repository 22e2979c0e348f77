package org.deskphone.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.Instant;
import java.util.Set;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.loop.VirtualClock;
import org.deskphone.testing.PhoneConfig;
import org.junit.jupiter.api.Test;

/** Update modes, intervals and weekly windows as both manuals define them. */
class UpdatePlanTest {
    private final PhoneConfig settings = new PhoneConfig();

    @Test
    void e15ModeCodes() { // Yealink L3517-3537
        Seed.yealink().says(3520, 3536, "0-Disabled 1-Power on 4-Repeatedly 5-Weekly 6-Power on + Repeatedly 7-Power on + Weekly");
        assertThat(UpdatePlan.YealinkMode.of(0)).isEqualTo(new UpdatePlan.YealinkMode(false, false, false));
        assertThat(UpdatePlan.YealinkMode.of(1)).isEqualTo(new UpdatePlan.YealinkMode(true, false, false));
        assertThat(UpdatePlan.YealinkMode.of(4)).isEqualTo(new UpdatePlan.YealinkMode(false, true, false));
        assertThat(UpdatePlan.YealinkMode.of(5)).isEqualTo(new UpdatePlan.YealinkMode(false, false, true));
        assertThat(UpdatePlan.YealinkMode.of(6)).isEqualTo(new UpdatePlan.YealinkMode(true, true, false));
        assertThat(UpdatePlan.YealinkMode.of(7)).isEqualTo(new UpdatePlan.YealinkMode(true, false, true));
        assertThatThrownBy(() -> UpdatePlan.YealinkMode.of(2)).hasMessageContaining("0, 1, 4, 5, 6, 7");
    }

    @Test
    void defaultIsPowerOnOnly() { // Yealink L3537 "The default value is 1."
        assertThat(plan()).isEqualTo(UpdatePlan.POWER_ON_ONLY);
    }

    @Test
    void e16PeriodicDefaultAndRange() { // Yealink L283-289, L3573-3606
        settings.set("auto_provision.mode", "4");
        assertThat(plan().interval()).contains(Duration.ofMinutes(1440));
        settings.set("auto_provision.schedule.periodic_minute", "60");
        assertThat(plan().interval()).contains(Duration.ofMinutes(60));
        assertThat(plan().powerOn()).isFalse();
        // Out of range: the store skips the value with a warning and the last good one stays (README, Configuration).
        assertThat(settings.set("auto_provision.schedule.periodic_minute", "0").problems())
                .anyMatch(p -> p.message().contains("periodic_minute") && p.message().contains("1 to 43200"));
        assertThat(plan().interval()).contains(Duration.ofMinutes(60));
        assertThat(settings.set("auto_provision.schedule.periodic_minute", "43201").problems()).isNotEmpty();
        assertThat(plan().interval()).contains(Duration.ofMinutes(60));
    }

    @Test
    void e17And18TimesAndDays() { // Yealink L291-309, L3684-3692
        Seed.yealink().says(3688, 3692, "01 means the phone will check the new configuration every Sunday and Monday");
        WeeklyWindow window = WeeklyWindow.parse("01", "07:45", "19:45");
        assertThat(window.days()).containsExactlyInAnyOrder(DayOfWeek.SUNDAY, DayOfWeek.MONDAY);
        assertThat(window.from()).isEqualTo(LocalTime.of(7, 45));
        assertThat(window.to()).isEqualTo(LocalTime.of(19, 45));
        assertThat(WeeklyWindow.parse("0123456", "00:00", "00:00").days()).hasSize(7);
        assertThatThrownBy(() -> WeeklyWindow.parse("017", "00:00", "01:00")).hasMessageContaining("0 (Sunday) to 6 (Saturday)");
        assertThatThrownBy(() -> WeeklyWindow.parse("0", "24:00", "01:00")).hasMessageContaining("24:00");
        assertThatThrownBy(() -> WeeklyWindow.parse("0", "7.45", "01:00")).hasMessageContaining("HH:MM");
    }

    @Test
    void e19WeeklyExampleFridayAndSundayTwoToThree() { // Yealink L1493-1495
        Seed.yealink().says(1493, 1495, "between 2 to 3 o’clock every Friday and Sunday");
        settings.set("auto_provision.mode", "5");
        settings.set("auto_provision.schedule.time_from", "02:00");
        settings.set("auto_provision.schedule.time_to", "03:00");
        settings.set("auto_provision.schedule.dayofweek", "05");
        UpdatePlan plan = plan();
        assertThat(plan.powerOn()).isFalse();
        assertThat(plan.windows()).containsExactly(new WeeklyWindow(Set.of(DayOfWeek.SUNDAY, DayOfWeek.FRIDAY),
                LocalTime.of(2, 0), LocalTime.of(3, 0)));
        WeeklyWindow window = plan.windows().get(0);
        ZonedDateTime thursday = ZonedDateTime.of(2026, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC);
        assertThat(thursday.getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);
        ZonedDateTime next = window.next(thursday, 0.5);
        assertThat(next).isEqualTo(ZonedDateTime.of(2026, 1, 2, 2, 30, 0, 0, ZoneOffset.UTC)); // Friday 02:30
        assertThat(window.next(next, 0.5).getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(window.contains(next)).isTrue();
        assertThat(window.contains(next.withHour(3).withMinute(0))).isFalse();
    }

    @Test
    void windowsPastMidnightAndSingleMoments() { // Yealink digest §6 A33
        WeeklyWindow night = WeeklyWindow.parse("6", "23:00", "01:00");
        assertThat(night.length()).isEqualTo(Duration.ofHours(2));
        ZonedDateTime saturday = ZonedDateTime.of(2026, 1, 3, 12, 0, 0, 0, ZoneOffset.UTC);
        assertThat(night.next(saturday, 0.75)).isEqualTo(ZonedDateTime.of(2026, 1, 4, 0, 30, 0, 0, ZoneOffset.UTC));
        assertThat(night.contains(ZonedDateTime.of(2026, 1, 4, 0, 30, 0, 0, ZoneOffset.UTC))).isTrue();
        WeeklyWindow moment = WeeklyWindow.parse("0123456", "00:00", "00:00");
        assertThat(moment.length()).isZero();
        assertThat(moment.next(saturday, 0.9)).isEqualTo(ZonedDateTime.of(2026, 1, 4, 0, 0, 0, 0, ZoneOffset.UTC));
    }

    @Test
    void aleIntervalPolling() { // ALE L2569-2595
        settings.set("DeviceProvisionPollingByIntervalEnable", "true");
        assertThat(plan().interval()).contains(Duration.ofSeconds(86400));
        settings.set("DeviceProvisionPollingInterval", "600");
        assertThat(plan().interval()).contains(Duration.ofMinutes(10));
        assertThat(settings.set("DeviceProvisionPollingInterval", "59").problems())
                .anyMatch(p -> p.message().contains("60 to 86400"));
        assertThat(plan().interval()).contains(Duration.ofMinutes(10));
        settings.set("auto_provision.mode", "6");
        settings.set("auto_provision.schedule.periodic_minute", "5");
        settings.set("DeviceProvisionPollingInterval", "600");
        assertThat(plan().interval()).as("the shorter interval wins").contains(Duration.ofMinutes(5));
    }

    @Test
    void e31AleWeekdaysMondayWednesdayFriday() { // ALE L2596-2666
        Seed.ale().says(2665, 2671, "0 - Sunday 1 - Monday 2 - Tuesday 3 - Wednesday 4 - Thursday 5 - Friday 6 - Saturday");
        settings.set("DeviceProvisionPollingByWeekdaysEnable", "true");
        settings.set("DeviceProvisionPollingDayofWeek", "135");
        UpdatePlan plan = plan();
        assertThat(plan.windows()).containsExactly(new WeeklyWindow(Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY),
                LocalTime.of(2, 0), LocalTime.of(6, 0)));
        assertThat(plan.powerOn()).as("ALE polling adds to the Yealink default of power on").isTrue();
    }

    @Test
    void aleDefaultsHaveNoPolling() { // ALE L2569-2610: both polling switches default to false
        settings.set("DeviceProvisionPollingDayofWeek", "135");
        assertThat(plan().windows()).isEmpty();
        assertThat(plan().interval()).isEmpty();
    }

    @Test
    void modeOffMeansManualOnly() {
        settings.set("auto_provision.mode", "0");
        assertThat(plan().manualOnly()).isTrue();
        assertThat(settings.set("auto_provision.mode", "3").problems()).anyMatch(p -> p.message().contains("auto_provision.mode"));
        assertThat(plan().manualOnly()).as("a mode the manual does not define leaves the last good one").isTrue();
    }

    private UpdatePlan plan() {
        return read().plan();
    }

    private ProvisioningSettings read() {
        return ProvisioningSettings.read(settings.current());
    }
}
