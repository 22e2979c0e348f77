package org.deskphone.media.rtp;

/**
 * What a receiver reports about one source in RTCP (RFC 3550 §6.4.1): extended highest sequence number,
 * cumulative and fractional loss (Appendix A.3) and interarrival jitter (A.8), with sequence wrap and
 * restart handling after Appendix A.1. Owned by the media thread.
 */
public final class ReceptionStatistics {
    private static final int MAX_DROPOUT = 3000;
    private static final int MAX_MISORDER = 100;

    private boolean started;
    private int maxSeq;
    private long cycles;
    private int baseSeq;
    private int badSeq = -1;
    private long received;
    private long expectedPrior;
    private long receivedPrior;
    private long lastTransit;
    private boolean haveTransit;
    private double jitter;

    public void reset() {
        started = false;
        badSeq = -1;
        cycles = 0;
        received = 0;
        expectedPrior = 0;
        receivedPrior = 0;
        haveTransit = false;
        jitter = 0;
    }

    /** Counts a packet; {@code arrival} is in RTP clock units on a steady local time base. */
    public void packet(int seq, long timestamp, long arrival) {
        if (!started) {
            started = true;
            baseSeq = seq;
            maxSeq = seq;
        } else {
            int delta = (seq - maxSeq) & 0xffff;
            if (delta < MAX_DROPOUT) {
                if (seq < maxSeq) {
                    cycles += 65536;
                }
                maxSeq = seq;
            } else if (delta <= 65536 - MAX_MISORDER) {
                if (seq == badSeq) {
                    // Two sequential packets after a big jump: the source restarted.
                    reset();
                    started = true;
                    baseSeq = seq;
                    maxSeq = seq;
                } else {
                    badSeq = (seq + 1) & 0xffff;
                    return;
                }
            }
        }
        received++;
        long transit = arrival - timestamp;
        if (haveTransit) {
            long d = Math.abs((int) (transit - lastTransit));
            jitter += (d - jitter) / 16.0;
        }
        lastTransit = transit;
        haveTransit = true;
    }

    public long extendedHighestSequence() {
        return cycles + maxSeq;
    }

    public long expected() {
        return started ? extendedHighestSequence() - baseSeq + 1 : 0;
    }

    public long received() {
        return received;
    }

    /** Cumulative packets lost (may be negative with duplicates), clamped to the 24-bit field. */
    public long cumulativeLost() {
        long lost = expected() - received;
        return Math.max(-0x800000L, Math.min(0x7fffffL, lost));
    }

    /** The 8-bit fraction lost since the previous call, which starts a new interval. */
    public int takeFractionLost() {
        long expected = expected();
        long expectedInterval = expected - expectedPrior;
        long receivedInterval = received - receivedPrior;
        expectedPrior = expected;
        receivedPrior = received;
        long lostInterval = expectedInterval - receivedInterval;
        if (expectedInterval == 0 || lostInterval <= 0) {
            return 0;
        }
        return (int) ((lostInterval << 8) / expectedInterval);
    }

    /** Interarrival jitter in RTP clock units. */
    public long jitter() {
        return (long) jitter;
    }

    public boolean started() {
        return started;
    }
}
