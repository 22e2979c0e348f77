package org.deskphone.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The jitter buffer under simulated networks: 20 ms packets at 8 kHz, a sound card polling every 20 ms,
 * arrival times in milliseconds. Each payload carries its sequence number so the test can check what played.
 */
class JitterBufferTest {
    private static final int PTIME = 20;
    private static final int STEP = 160;

    record Sent(int seq, long ts, double arrivalMs) {
    }

    /** What the listener heard: per poll, the sequence number played, -1 for concealment, -2 for silence. */
    static final class Run {
        final List<Integer> heard = new ArrayList<>();
        JitterBuffer buffer;

        long count(int what) {
            return heard.stream().filter(h -> h == what).count();
        }

        /** Concealments between the first and the last packet played (the tail after the stream ends is not loss). */
        long concealedWhilePlaying() {
            int first = 0;
            while (first < heard.size() && heard.get(first) < 0) {
                first++;
            }
            int last = heard.size() - 1;
            while (last > 0 && heard.get(last) < 0) {
                last--;
            }
            return first > last ? 0 : heard.subList(first, last).stream().filter(h -> h == -1).count();
        }

        /** Concealments heard before packet {@code seq} played. */
        long concealedBefore(int seq) {
            int at = heard.indexOf(seq);
            return heard.subList(0, at).stream().filter(h -> h == -1).count();
        }

        List<Integer> played() {
            return heard.stream().filter(h -> h >= 0).toList();
        }
    }

    static Run simulate(JitterSettings settings, List<Sent> packets, double pollPeriodMs, int polls) {
        Run run = new Run();
        run.buffer = new JitterBuffer(settings, 8000, PTIME, 200);
        List<Sent> byArrival = new ArrayList<>(packets);
        byArrival.sort(Comparator.comparingDouble(Sent::arrivalMs));
        int next = 0;
        byte[] payload = new byte[4];
        for (int p = 0; p < polls; p++) {
            double now = p * pollPeriodMs;
            while (next < byArrival.size() && byArrival.get(next).arrivalMs() <= now) {
                Sent s = byArrival.get(next++);
                RtpPacket.putInt(payload, 0, s.seq());
                run.buffer.put(payload, 0, 4, s.seq() & 0xffff, s.ts() & 0xffffffffL, (long) (s.arrivalMs() * 8));
            }
            int result = run.buffer.poll();
            if (result == JitterBuffer.PACKET) {
                run.heard.add((int) RtpPacket.u32(run.buffer.payload(), 0));
            } else {
                run.heard.add(result == JitterBuffer.LOST ? -1 : -2);
            }
        }
        return run;
    }

    static List<Sent> steady(int n, double delayMs, double jitterMs, long seed) {
        Random random = new Random(seed);
        List<Sent> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Sent(i, (long) i * STEP, i * PTIME + delayMs + random.nextDouble() * jitterMs));
        }
        return out;
    }

    @Test
    void playsEveryPacketOfACleanStreamInOrder() {
        Run run = simulate(JitterSettings.DEFAULTS, steady(500, 30, 0, 1), PTIME, 520);
        assertThat(run.played()).hasSize(500);
        for (int i = 0; i < 500; i++) {
            assertThat(run.played().get(i)).isEqualTo(i);
        }
        assertThat(run.concealedWhilePlaying()).as("concealed").isZero();
        assertThat(run.buffer.statistics().targetMillis()).as("no jitter: one packet of buffer, at least the minimum").isBetween(20, 40);
    }

    @Test
    void reordersAndDropsDuplicates() {
        List<Sent> packets = new ArrayList<>(steady(200, 30, 0, 1));
        // swap neighbours every tenth packet, and send every seventh twice
        for (int i = 10; i < 190; i += 10) {
            Sent a = packets.get(i);
            Sent b = packets.get(i + 1);
            packets.set(i, new Sent(a.seq(), a.ts(), b.arrivalMs() + 1));
        }
        for (int i = 7; i < 200; i += 7) {
            Sent s = packets.get(i);
            packets.add(new Sent(s.seq(), s.ts(), s.arrivalMs() + 5));
        }
        Run run = simulate(JitterSettings.DEFAULTS, packets, PTIME, 230);
        assertThat(run.played()).hasSize(200).isSorted();
        assertThat(run.buffer.statistics().duplicates()).isEqualTo(28);
        assertThat(run.concealedBefore(190)).isZero();
    }

    @Test
    void concealsLostPacketsAndDropsLateOnes() {
        List<Sent> packets = new ArrayList<>(steady(300, 30, 0, 1));
        packets.removeIf(s -> s.seq() == 100 || s.seq() == 101 || s.seq() == 200);
        Sent late = packets.stream().filter(s -> s.seq() == 250).findFirst().orElseThrow();
        packets.remove(late);
        packets.add(new Sent(250, late.ts(), late.arrivalMs() + 500));
        Run run = simulate(new JitterSettings(false, 20, 60, 250), packets, PTIME, 330);
        assertThat(run.concealedWhilePlaying()).isEqualTo(4);
        assertThat(run.buffer.statistics().late()).isEqualTo(1);
        assertThat(run.played()).hasSize(296).doesNotContain(100, 101, 200, 250);
    }

    @Test
    void adaptsToJitterAndGivesBackTheDelayWhenItCalms() {
        List<Sent> packets = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 1500; i++) {
            double jitter = i < 500 ? random.nextDouble() * 120 : random.nextDouble() * 5;
            packets.add(new Sent(i, (long) i * STEP, i * PTIME + 20 + jitter));
        }
        Run run = simulate(JitterSettings.DEFAULTS, packets.subList(0, 500), PTIME, 500);
        JitterStatistics rough = run.buffer.statistics();
        assertThat(rough.targetMillis()).as("target under 120 ms of jitter").isBetween(120, 160);
        assertThat(rough.jitterMillis()).as("RFC 3550 jitter estimate").isGreaterThan(20);

        Run whole = simulate(JitterSettings.DEFAULTS, packets, PTIME, 1560);
        JitterStatistics calm = whole.buffer.statistics();
        assertThat(calm.targetMillis()).as("target once calm").isBetween(20, 40);
        assertThat(calm.dropped()).as("packets dropped to shrink the delay").isPositive();
        assertThat(calm.delayMillis()).as("delay came back down").isLessThan(80);
        long concealedInCalm = whole.heard.subList(700, 1500).stream().filter(h -> h == -1).count();
        assertThat(concealedInCalm).as("no loss once calm").isZero();
    }

    @Test
    void followsASenderWhoseClockRunsFastOrSlow() {
        for (double drift : new double[] {0.995, 1.005}) {
            List<Sent> packets = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                packets.add(new Sent(i, (long) i * STEP, i * PTIME * drift + 30));
            }
            Run run = simulate(JitterSettings.DEFAULTS, packets, PTIME, 3000);
            JitterStatistics s = run.buffer.statistics();
            assertThat(s.delayMillis()).as("delay stays bounded at drift %s", drift).isLessThan(120);
            if (drift < 1) {
                assertThat(s.dropped()).as("fast sender: packets dropped").isBetween(10L, 60L);
            } else {
                assertThat(s.stretched() + s.concealed()).as("slow sender: packets stretched").isBetween(10L, 60L);
            }
            assertThat(s.resyncs()).isZero();
        }
    }

    @Test
    void startsAfreshOnATimestampOrSequenceJump() {
        List<Sent> packets = new ArrayList<>(steady(100, 30, 0, 1));
        for (int i = 0; i < 100; i++) {
            packets.add(new Sent(30000 + i, 9_000_000L + (long) i * STEP, (100 + i) * PTIME + 30));
        }
        Run run = simulate(JitterSettings.DEFAULTS, packets, PTIME, 230);
        assertThat(run.buffer.statistics().resyncs()).isEqualTo(1);
        assertThat(run.played().stream().filter(s -> s < 100).count()).as("old stream, less what was buffered at the jump")
                .isGreaterThanOrEqualTo(95);
        assertThat(run.played()).contains(30000, 30099);
        assertThat(run.played().stream().filter(s -> s >= 30000).count()).isGreaterThanOrEqualTo(95);
    }

    @Test
    void survivesTheSequenceAndTimestampWrap() {
        List<Sent> packets = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            packets.add(new Sent(65500 + i, 0xFFFFFF00L + (long) i * STEP, i * PTIME + 30));
        }
        Run run = simulate(JitterSettings.DEFAULTS, packets, PTIME, 220);
        assertThat(run.played()).hasSize(200);
        assertThat(run.buffer.statistics().resyncs()).isZero();
        assertThat(run.concealedWhilePlaying()).isZero();
    }

    /** E-74, seed L5248-5290: Min ≤ Normal ≤ Max, each 0-600 ms. */
    @Test
    void rejectsSettingsOutOfOrder() {
        assertThatThrownBy(() -> new JitterSettings(true, 100, 90, 80)).hasMessageContaining("min <= normal <= max");
        assertThatThrownBy(() -> new JitterSettings(true, 20, 50, 700)).hasMessageContaining("0-600");
    }
}
