package org.deskphone.media.rtp;

/**
 * What the jitter buffer has seen since the stream started: packets by fate, concealment, adaptation, and
 * the present and target delays.
 */
public record JitterStatistics(
        long received,
        long played,
        long concealed,
        long late,
        long duplicates,
        long resyncs,
        long dropped,
        long stretched,
        int delayMillis,
        int targetMillis,
        double jitterMillis) {
}
