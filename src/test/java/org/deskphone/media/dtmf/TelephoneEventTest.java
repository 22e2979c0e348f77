package org.deskphone.media.dtmf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 4733 send and receive, packet by packet. */
class TelephoneEventTest {

    record Packet(long timestamp, boolean marker, int event, boolean end, int volume, int duration) {
    }

    static List<Packet> send(TelephoneEventSender sender, int packetTimes, long firstTimestamp, int step) {
        List<Packet> packets = new ArrayList<>();
        byte[] out = new byte[4];
        for (int i = 0; i < packetTimes; i++) {
            if (sender.next(firstTimestamp + (long) i * step, out, 0) == 4) {
                packets.add(new Packet(sender.eventTimestamp(), sender.marker(), out[0], (out[1] & 0x80) != 0, out[1] & 0x3f,
                        (out[2] & 0xff) << 8 | (out[3] & 0xff)));
            }
        }
        return packets;
    }

    /** Seed L5417-5427 (E-75 uses 250 ms); Yealink L9655: the end packet three times by default. */
    @Test
    void sendsStartContinuationAndThreeEndPacketsOfTheConfiguredDuration() {
        TelephoneEventSender sender = new TelephoneEventSender(8000, 20, DtmfSettings.DEFAULTS);
        sender.queue('5');
        List<Packet> packets = send(sender, 20, 1000, 160);
        assertThat(packets).containsExactly(
                new Packet(1000, true, 5, false, 10, 160),
                new Packet(1000, false, 5, false, 10, 320),
                new Packet(1000, false, 5, false, 10, 480),
                new Packet(1000, false, 5, false, 10, 640),
                new Packet(1000, false, 5, false, 10, 800),
                new Packet(1000, false, 5, true, 10, 800),
                new Packet(1000, false, 5, true, 10, 800),
                new Packet(1000, false, 5, true, 10, 800));
    }

    @Test
    void queuedDigitsFollowOneAnotherAfterAPause() {
        TelephoneEventSender sender = new TelephoneEventSender(8000, 20,
                new DtmfSettings(DtmfSettings.durationFromManualCode(4), 1, 0));
        sender.queue('#');
        sender.queue('A');
        List<Packet> packets = send(sender, 60, 0, 160);
        assertThat(packets.stream().filter(Packet::marker).map(Packet::event)).containsExactly(11, 12);
        assertThat(packets.stream().filter(Packet::end).map(Packet::duration)).containsExactly(2000, 2000);
        Packet secondStart = packets.stream().filter(p -> p.marker() && p.event() == 12).findFirst().orElseThrow();
        assertThat(secondStart.timestamp()).as("13 packets for 250 ms + 1 end, then 2 of pause").isEqualTo(16 * 160);
        assertThat(sender.busy()).isFalse();
    }

    @Test
    void everyDigitSurvivesTheRoundTripOnce() {
        String digits = "0123456789*#ABCD";
        TelephoneEventSender sender = new TelephoneEventSender(8000, 20, DtmfSettings.DEFAULTS);
        TelephoneEventReceiver receiver = new TelephoneEventReceiver(8000);
        for (char d : digits.toCharArray()) {
            sender.queue(d);
        }
        StringBuilder heard = new StringBuilder();
        byte[] out = new byte[4];
        for (int i = 0; i < 400; i++) {
            long ts = i * 160L;
            if (sender.next(ts, out, 0) == 4) {
                char d = receiver.packet(out, 0, 4, sender.eventTimestamp(), ts);
                if (d != 0) {
                    heard.append(d);
                    assertThat(receiver.endedDurationMillis()).isEqualTo(100);
                }
            }
        }
        assertThat(heard).hasToString(digits);
    }

    @Test
    void duplicatesAndRepeatedEndPacketsCountOnce() {
        TelephoneEventReceiver receiver = new TelephoneEventReceiver(8000);
        byte[] start = {7, 10, 0, (byte) 160};
        byte[] end = {7, (byte) 0x8a, 3, 32};
        assertThat(receiver.packet(start, 0, 4, 5000, 0)).isEqualTo((char) 0);
        assertThat(receiver.packet(start, 0, 4, 5000, 10)).isEqualTo((char) 0);
        assertThat(receiver.packet(end, 0, 4, 5000, 800)).isEqualTo('7');
        assertThat(receiver.endedDurationMillis()).isEqualTo(100);
        assertThat(receiver.packet(end, 0, 4, 5000, 801)).isEqualTo((char) 0);
        assertThat(receiver.packet(end, 0, 4, 5000, 802)).isEqualTo((char) 0);
        assertThat(receiver.tick(5000)).isEqualTo((char) 0);
    }

    @Test
    void lostEndPacketsAreMadeUpForByTheNextEventOrATimeout() {
        TelephoneEventReceiver receiver = new TelephoneEventReceiver(8000);
        assertThat(receiver.packet(new byte[] {1, 10, 1, 64}, 0, 4, 1000, 0)).isEqualTo((char) 0);
        assertThat(receiver.packet(new byte[] {2, 10, 0, (byte) 160}, 0, 4, 3000, 2000)).as("next event ends the first").isEqualTo('1');
        assertThat(receiver.endedDurationMillis()).isEqualTo(40);
        assertThat(receiver.tick(2500)).isEqualTo((char) 0);
        assertThat(receiver.tick(2000 + 801)).as("100 ms of nothing").isEqualTo('2');
        assertThat(receiver.tick(4000)).isEqualTo((char) 0);
        assertThat(receiver.packet(new byte[] {1, 10, 1, 64}, 0, 4, 900, 4100)).as("straggler of an old event").isEqualTo((char) 0);
    }
}
