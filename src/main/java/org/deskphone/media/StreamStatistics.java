package org.deskphone.media;

import org.deskphone.media.rtp.JitterStatistics;

/**
 * A snapshot of one stream for the phone's status pages and the end-of-call quality report: what was sent
 * and received, what the far end reported in RTCP (loss, jitter, round trip), what SRTP refused (failed
 * authentication or malformed; replayed), and the jitter buffer.
 */
public record StreamStatistics(
        long packetsSent,
        long octetsSent,
        long packetsReceived,
        long packetsLost,
        double receivedJitterMillis,
        int remoteFractionLost,
        long remoteCumulativeLost,
        double remoteJitterMillis,
        int roundTripMillis,
        long srtpRejected,
        long srtpReplayed,
        long srtcpRejected,
        long remoteSsrc,
        JitterStatistics jitterBuffer) {
}
