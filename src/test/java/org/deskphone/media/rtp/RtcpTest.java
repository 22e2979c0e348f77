package org.deskphone.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RFC 3550 reports: what a receiver computes (A.1, A.3, A.8) and the SR/RR + SDES it writes, read back. */
class RtcpTest {

    @Test
    void receptionStatisticsCountLossAcrossTheWrapAndMeasureJitter() {
        ReceptionStatistics stats = new ReceptionStatistics();
        int lostOnPurpose = 0;
        for (int i = 0; i < 1000; i++) {
            int seq = (65000 + i) & 0xffff;
            if (i % 50 == 7) {
                lostOnPurpose++;
                continue;
            }
            long arrival = i * 160L + (i % 2 == 0 ? 0 : 40); // alternate 5 ms late: |D| = 40 every packet
            stats.packet(seq, i * 160L, arrival);
        }
        assertThat(stats.extendedHighestSequence()).isEqualTo(65536L + ((65000 + 999) & 0xffff));
        assertThat(stats.expected()).isEqualTo(1000);
        assertThat(stats.cumulativeLost()).isEqualTo(lostOnPurpose);
        assertThat(stats.takeFractionLost()).isEqualTo(lostOnPurpose * 256 / 1000);
        assertThat(stats.takeFractionLost()).as("a new interval").isZero();
        assertThat(stats.jitter()).as("RFC 3550 A.8 converges to |D|").isBetween(35L, 40L);
    }

    @Test
    void aSenderReportWithABlockAndCnameReadsBack() {
        ReceptionStatistics stats = new ReceptionStatistics();
        for (int i = 0; i < 100; i++) {
            if (i != 10 && i != 11) {
                stats.packet(i, i * 160L, i * 160L);
            }
        }
        byte[] packet = new byte[256];
        long now = 1_800_000_000_000L;
        int length = Rtcp.writeReport(packet, 0, 0x11111111L, now, 123456, 500, 80000, 0x22222222L, stats, 0xABCD1234L, 65536,
                "deskphone@41000".getBytes(StandardCharsets.US_ASCII));
        assertThat(length % 4).isZero();
        assertThat(packet[1] & 0xff).isEqualTo(Rtcp.SR);

        Rtcp.Received atFarEnd = new Rtcp.Received();
        assertThat(Rtcp.read(packet, 0, length, 0x22222222L, atFarEnd)).isTrue();
        assertThat(atFarEnd.senderReport).isTrue();
        assertThat(atFarEnd.senderSsrc).isEqualTo(0x11111111L);
        assertThat(atFarEnd.ntpMiddle).isEqualTo(Rtcp.ntpMiddle(now));
        assertThat(atFarEnd.reportAboutUs).isTrue();
        assertThat(atFarEnd.cumulativeLost).isEqualTo(2);
        assertThat(atFarEnd.fractionLost).isEqualTo(2 * 256 / 100);
        assertThat(atFarEnd.lastSr).isEqualTo(0xABCD1234L);
        assertThat(atFarEnd.delaySinceLastSr).isEqualTo(65536);

        int rr = Rtcp.writeReport(packet, 0, 0x11111111L, now, 0, 0, 0, 0, null, 0, 0, new byte[] {'x'});
        assertThat(packet[1] & 0xff).as("nothing sent: a receiver report").isEqualTo(Rtcp.RR);
        assertThat(Rtcp.read(packet, 0, rr, 0x22222222L, atFarEnd)).isTrue();
        assertThat(atFarEnd.reportAboutUs).isFalse();
        assertThat(Rtcp.read(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, 0, 8, 0, atFarEnd)).as("not RTCP").isFalse();
    }
}
