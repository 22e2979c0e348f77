package org.deskphone.net.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.loop.VirtualClock;
import org.junit.jupiter.api.Test;

/** When and against whom the phone synchronises, and the SIP Date and manual methods (ALE L11046-11111). */
class TimeKeeperTest {
    private final VirtualClock base = new VirtualClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final PhoneLoop loop = new PhoneLoop(base);
    private final PhoneClock clock = new PhoneClock(base);
    private final List<String> asked = new ArrayList<>();
    private Duration serverAhead = Duration.ofSeconds(90);
    private boolean serversDown;

    private final TimeKeeper.Sntp sntp = server -> {
        asked.add(server.getHostString() + ":" + server.getPort());
        if (serversDown) {
            throw new IOException(server.getHostString() + " did not answer");
        }
        return new SntpClient.Sample(server, serverAhead, Duration.ofMillis(3), 2);
    };

    private TimeKeeper keeper(boolean systemKeepsTime) {
        // The worker runs inline: the exchange's result is still posted to the loop, as in the phone.
        return new TimeKeeper(loop, clock, Runnable::run, sntp, systemKeepsTime, 123);
    }

    private static TimeSettings sntp(List<String> servers, boolean configured, Duration refresh) {
        return new TimeSettings(TimeSettings.Method.SNTP, servers, configured, refresh, ZoneSetting.NONE, ClockFormat.DEFAULT);
    }

    @Test
    void aBoardSynchronisesAtOnceAndEveryRefreshPeriod() {
        TimeKeeper time = keeper(false);
        time.configure(sntp(List.of("0.pool.ntp.org", "time.nist.gov"), false, Duration.ofHours(1)));
        loop.runPending();
        assertThat(asked).containsExactly("0.pool.ntp.org:123");
        assertThat(clock.now()).isEqualTo(base.now().plusSeconds(90));
        assertThat(time.source()).isEqualTo("SNTP 0.pool.ntp.org");

        serverAhead = Duration.ofSeconds(95);
        loop.advance(Duration.ofMinutes(59));
        assertThat(asked).hasSize(1);
        loop.advance(Duration.ofMinutes(1));
        assertThat(asked).hasSize(2);
        assertThat(clock.offset()).isEqualTo(Duration.ofSeconds(95));
    }

    /** The PC board sends no NTP to the factory's servers: it shows the system's time. */
    @Test
    void wereTheSystemKeepsTimeFactoryServersAreNeverAsked() {
        TimeKeeper time = keeper(true);
        time.configure(sntp(List.of("0.pool.ntp.org"), false, Duration.ofHours(1)));
        loop.advance(Duration.ofHours(3));
        assertThat(asked).isEmpty();
        assertThat(clock.offset()).isZero();
        assertThat(time.servers()).isEmpty();
    }

    @Test
    void wereTheSystemKeepsTimeConfiguredServersAreAsked() {
        TimeKeeper time = keeper(true);
        time.configure(sntp(List.of("127.0.0.1"), true, Duration.ofHours(1)));
        loop.runPending();
        assertThat(asked).containsExactly("127.0.0.1:123");
    }

    /** ALE L432-515: option 42 names the SNTP servers; they come before the configured ones. */
    @Test
    void dhcpServersComeFirst() {
        TimeKeeper time = keeper(false);
        time.configure(sntp(List.of("ntp.example"), true, Duration.ofHours(1)));
        loop.runPending();
        time.dhcpServers(List.of("10.0.0.1"));
        loop.runPending();
        assertThat(asked).containsExactly("ntp.example:123", "10.0.0.1:123");
        assertThat(time.servers()).containsExactly("10.0.0.1", "ntp.example");
    }

    @Test
    void failuresAreRetriedSoonerThanTheRefreshAndBackOff() {
        serversDown = true;
        TimeKeeper time = keeper(false);
        time.configure(sntp(List.of("a", "b"), true, Duration.ofHours(1)));
        loop.runPending();
        assertThat(asked).containsExactly("a:123", "b:123");
        loop.advance(Duration.ofSeconds(30));
        assertThat(asked).hasSize(4);
        loop.advance(Duration.ofSeconds(59));
        assertThat(asked).hasSize(4);
        loop.advance(Duration.ofSeconds(1));
        assertThat(asked).hasSize(6);
        serversDown = false;
        loop.advance(Duration.ofSeconds(120));
        assertThat(clock.offset()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void aZeroRefreshSynchronisesOnce() {
        TimeKeeper time = keeper(false);
        time.configure(sntp(List.of("a"), true, Duration.ZERO));
        loop.advance(Duration.ofDays(2));
        assertThat(asked).hasSize(1);
    }

    /** ALE SettingTimeMethod=1: the Date header of the 200 OK to REGISTER sets the time. */
    @Test
    void sipServerTimeComesFromTheDateHeader() {
        TimeKeeper time = keeper(false);
        time.configure(new TimeSettings(TimeSettings.Method.SIP_SERVER, List.of("a"), true, Duration.ofHours(1),
                ZoneSetting.NONE, ClockFormat.DEFAULT));
        loop.advance(Duration.ofHours(2));
        assertThat(asked).as("no SNTP with the SIP method").isEmpty();
        time.sipDate("Sun, 22 Nov 2026 12:30:00 GMT");
        assertThat(clock.now()).isEqualTo(Instant.parse("2026-11-22T12:30:00Z"));
        assertThat(time.source()).isEqualTo("SIP server Date header");
        time.sipDate("yesterday at noon");
        assertThat(clock.now()).isEqualTo(Instant.parse("2026-11-22T12:30:00Z"));
        loop.advance(Duration.ofMillis(400));
        time.sipDate("Sun, 22 Nov 2026 12:30:00 GMT");
        assertThat(clock.now()).as("within a second: the header's whole seconds are not trusted further")
                .isEqualTo(Instant.parse("2026-11-22T12:30:00.400Z"));
    }

    @Test
    void theDateHeaderIsIgnoredUnderAnotherMethodAndManualTimeOnlyUnderManual() {
        TimeKeeper time = keeper(false);
        time.configure(sntp(List.of("a"), true, Duration.ofHours(1)));
        loop.runPending();
        time.sipDate("Sun, 22 Nov 2026 23:00:00 GMT");
        time.setByHand(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(clock.offset()).isEqualTo(Duration.ofSeconds(90));

        time.configure(new TimeSettings(TimeSettings.Method.MANUAL, List.of(), false, Duration.ZERO, ZoneSetting.NONE,
                ClockFormat.DEFAULT));
        time.setByHand(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(clock.now()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(time.lastSync()).isEqualTo(Optional.of(Instant.parse("2030-01-01T00:00:00Z")));
    }

    /** A result that arrives after new settings belongs to the old ones and is dropped. */
    @Test
    void aLateResultFromOldSettingsIsDropped() {
        List<Runnable> held = new ArrayList<>();
        TimeKeeper time = new TimeKeeper(loop, clock, held::add, sntp, false, 123);
        time.configure(sntp(List.of("old"), true, Duration.ofHours(1)));
        time.configure(new TimeSettings(TimeSettings.Method.MANUAL, List.of(), false, Duration.ZERO, ZoneSetting.NONE,
                ClockFormat.DEFAULT));
        held.forEach(Runnable::run);
        loop.runPending();
        assertThat(clock.offset()).isZero();
    }

    @Test
    void theSntpPortIsTheOneGiven() {
        TimeKeeper time = new TimeKeeper(loop, clock, Runnable::run, sntp, false, 12_123);
        time.configure(sntp(List.of("127.0.0.1"), true, Duration.ofHours(1)));
        loop.runPending();
        assertThat(asked).containsExactly("127.0.0.1:12123");
        assertThat(new InetSocketAddress("127.0.0.1", 12_123).getPort()).isEqualTo(12_123);
    }
}
