package org.deskphone.net.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.deskphone.loop.Clock;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.testing.Chrony;
import org.deskphone.testing.Peers;
import org.deskphone.testing.SkewedClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The phone's SNTP client against chrony serving on 127.0.0.1 (tools/peers/chrony). */
@ExtendWith(Peers.class)
class SntpIT {
    /** The phone's clock before synchronising: an hour behind this machine's. */
    private static final Clock BEHIND = SkewedClock.hourBehind();

    @Test
    void chronyTellsTheOffsetOfAClockAnHourBehind(Chrony chrony) throws Exception {
        SntpClient.Sample sample = new SntpClient(BEHIND, Duration.ofSeconds(2)).query(chrony.address());
        assertThat(sample.offset()).isBetween(Duration.ofMinutes(59).plusSeconds(59), Duration.ofMinutes(60).plusSeconds(1));
        assertThat(sample.stratum()).as("chrony's 'local stratum 8'").isEqualTo(8);
        assertThat(sample.roundTrip()).isLessThan(Duration.ofSeconds(1));
    }

    /** The time keeper on a running loop sets the phone's clock right from chrony, and keeps it there. */
    @Test
    void theTimeKeeperSetsThePhoneClock(Chrony chrony) throws Exception {
        PhoneClock clock = new PhoneClock(BEHIND);
        PhoneLoop loop = new PhoneLoop(clock);
        ExecutorService worker = Executors.newSingleThreadExecutor();
        loop.start("sntp-it-loop");
        try {
            TimeKeeper keeper = new TimeKeeper(loop, clock, worker, new SntpClient(clock.base(), Duration.ofSeconds(2))::query,
                    true, chrony.port());
            loop.ask(() -> {
                keeper.configure(new TimeSettings(TimeSettings.Method.SNTP, List.of("127.0.0.1"), true, Duration.ofHours(1),
                        ZoneSetting.NONE, ClockFormat.DEFAULT));
                return null;
            }).get(5, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (loop.ask(keeper::lastSync).get().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(loop.ask(keeper::source).get()).isEqualTo("SNTP 127.0.0.1");
            assertThat(Duration.between(Instant.now(), clock.now()).abs()).isLessThan(Duration.ofSeconds(1));
        } finally {
            loop.stop(Duration.ofSeconds(2));
            worker.shutdownNow();
        }
    }
}
