package org.deskphone.media.rtp;

/**
 * The adaptive jitter buffer of one received stream. Packets go in by sequence number as they arrive, in any
 * order; the media thread takes out one packet's worth of audio per {@link #poll()}, at the pace of the
 * sound card. It buffers a target delay before it starts playing, reorders, drops duplicates and late
 * packets, asks for concealment when a packet is missing, and follows the network: the target is the spread
 * of recent transit times plus one packet, within the configured minimum and maximum (or the normal delay
 * in static mode). When more than the target stays buffered (the sender's clock runs fast, or a burst has
 * passed) it drops a packet; when less, it stretches by one concealed packet. A jump of sequence number or
 * timestamp beyond what could be delay starts the buffer afresh (a new talk spurt source, a restarted
 * sender); an SSRC change is the stream's to notice, by {@link #reset()}.
 *
 * <p>Owned by the media thread; arrays are allocated once. Statistics are readable from any thread.
 */
public final class JitterBuffer {
    /** {@link #poll()}: a packet is ready in {@link #payload()}. */
    public static final int PACKET = 1;
    /** {@link #poll()}: the packet due is missing; conceal one packet's duration. */
    public static final int LOST = 2;
    /** {@link #poll()}: nothing to play yet (buffering); play silence or comfort noise. */
    public static final int SILENT = 3;

    private static final int WINDOW = 64;
    private static final int DROP_AFTER_POLLS = 8;
    private static final int STRETCH_AFTER_POLLS = 4;
    private static final int REBUFFER_AFTER_LOSSES = 5;

    private final JitterSettings settings;
    private final int clockRate;
    private final int capacity;
    private final int mask;
    private final byte[][] payloads;
    private final int[] lengths;
    private final int[] sequences;
    private final long[] timestamps;
    private final boolean[] present;
    private final int[] transits = new int[WINDOW];

    private int packetDuration;
    private int count;
    private boolean started;
    private boolean playing;
    private int playSeq;
    private long playTs;
    private int oldestSeq;
    private int newestSeq;
    private long newestTs;
    private int lastPutSeq = -1;
    private long lastPutTs;
    private int waited;
    private int missingRun;
    private int overTarget;
    private int underTarget;
    private int sinceStretch;
    private int target;
    private int transitCount;
    private int transitAt;
    private int transitReference;
    private boolean haveTransit;
    private int lastTransit;
    private double jitter;
    private int outSlot = -1;

    private volatile long received;
    private volatile long played;
    private volatile long concealed;
    private volatile long late;
    private volatile long duplicates;
    private volatile long resyncs;
    private volatile long dropped;
    private volatile long stretched;
    private volatile int delayNow;
    private volatile int targetNow;
    private volatile double jitterNow;

    /**
     * @param clockRate the RTP clock of the payload (8000, 48000...)
     * @param ptimeMillis the negotiated packet time, the duration assumed until packets show their own
     * @param maxPayload the largest payload kept
     */
    public JitterBuffer(JitterSettings settings, int clockRate, int ptimeMillis, int maxPayload) {
        this.settings = settings;
        this.clockRate = clockRate;
        int needed = settings.maxMillis() / 10 + 16;
        int size = 16;
        while (size < needed) {
            size <<= 1;
        }
        this.capacity = size;
        this.mask = size - 1;
        this.payloads = new byte[size][maxPayload];
        this.lengths = new int[size];
        this.sequences = new int[size];
        this.timestamps = new long[size];
        this.present = new boolean[size];
        this.packetDuration = clockRate / 1000 * ptimeMillis;
        reset();
    }

    /** Forgets every packet and the timeline, as for a new sender; statistics are kept. */
    public void reset() {
        java.util.Arrays.fill(present, false);
        count = 0;
        started = false;
        playing = false;
        waited = 0;
        missingRun = 0;
        overTarget = 0;
        underTarget = 0;
        sinceStretch = 0;
        lastPutSeq = -1;
        transitCount = 0;
        transitAt = 0;
        haveTransit = false;
        target = millisToTs(settings.normalMillis());
        targetNow = settings.normalMillis();
    }

    /**
     * Adds a packet's payload. {@code arrival} is when it arrived, in units of the RTP clock on any
     * steady local time base (only differences matter).
     */
    public void put(byte[] data, int offset, int length, int sequence, long timestamp, long arrival) {
        received++;
        if (length > payloads[0].length) {
            return;
        }
        trackTransit(timestamp, arrival);
        if (started) {
            int fromPlay = playing ? RtpPacket.sequenceDelta(sequence, playSeq) : RtpPacket.sequenceDelta(sequence, oldestSeq);
            if (playing && fromPlay < 0 && fromPlay > -capacity) {
                late++;
                return;
            }
            long expectedTs = playing ? playTs + (long) fromPlay * packetDuration : timestamps[oldestSeq & mask] + (long) fromPlay * packetDuration;
            long tsError = Math.abs(RtpPacket.timestampDelta(timestamp, expectedTs));
            if (Math.abs(fromPlay) >= capacity || tsError > millisToTs(settings.maxMillis()) + 4L * packetDuration) {
                resyncs++;
                java.util.Arrays.fill(present, false);
                count = 0;
                started = false;
                playing = false;
                waited = 0;
                lastPutSeq = -1;
            }
        }
        int slot = sequence & mask;
        if (present[slot] && sequences[slot] == sequence) {
            duplicates++;
            return;
        }
        if (!present[slot]) {
            count++;
        }
        System.arraycopy(data, offset, payloads[slot], 0, length);
        lengths[slot] = length;
        sequences[slot] = sequence;
        timestamps[slot] = timestamp;
        present[slot] = true;
        if (lastPutSeq >= 0 && RtpPacket.sequenceDelta(sequence, lastPutSeq) == 1) {
            long step = RtpPacket.timestampDelta(timestamp, lastPutTs);
            if (step > 0 && step <= clockRate / 1000 * 120) {
                packetDuration = (int) step;
            }
        }
        lastPutSeq = sequence;
        lastPutTs = timestamp;
        if (!started) {
            started = true;
            oldestSeq = sequence;
            newestSeq = sequence;
            newestTs = timestamp;
        } else {
            if (RtpPacket.sequenceDelta(sequence, newestSeq) > 0) {
                newestSeq = sequence;
                newestTs = timestamp;
            }
            if (!playing && RtpPacket.sequenceDelta(sequence, oldestSeq) < 0) {
                oldestSeq = sequence;
            }
        }
    }

    private void trackTransit(long timestamp, long arrival) {
        int transit = (int) (arrival - timestamp); // modulo 2^32, like the timestamps themselves
        if (!haveTransit) {
            transitReference = transit;
            haveTransit = true;
        }
        int relative = transit - transitReference;
        if (transitCount > 0) {
            int d = Math.abs(relative - lastTransit);
            jitter += (d - jitter) / 16.0;
        }
        lastTransit = relative;
        transits[transitAt] = relative;
        transitAt = (transitAt + 1) % WINDOW;
        if (transitCount < WINDOW) {
            transitCount++;
        }
        jitterNow = jitter * 1000.0 / clockRate;
        if (settings.adaptive() && transitCount >= 8) {
            int min = Integer.MAX_VALUE;
            int max = Integer.MIN_VALUE;
            for (int i = 0; i < transitCount; i++) {
                min = Math.min(min, transits[i]);
                max = Math.max(max, transits[i]);
            }
            long wanted = (long) (max - min) + packetDuration;
            target = (int) Math.max(millisToTs(settings.minMillis()), Math.min(millisToTs(settings.maxMillis()), wanted));
            targetNow = (int) (target * 1000L / clockRate);
        }
    }

    /** Decides what plays next: {@link #PACKET}, {@link #LOST} or {@link #SILENT}. Call once per packet duration. */
    public int poll() {
        outSlot = -1;
        if (!playing) {
            if (count == 0) {
                delayNow = 0;
                return SILENT;
            }
            waited += packetDuration;
            if (waited < target) {
                return SILENT;
            }
            playing = true;
            playSeq = oldestSeq;
            playTs = timestamps[oldestSeq & mask];
            missingRun = 0;
        }
        while (true) {
            int depth = (int) (RtpPacket.timestampDelta(newestTs, playTs) + packetDuration);
            delayNow = (int) (Math.max(0, depth) * 1000L / clockRate);
            int slot = playSeq & mask;
            boolean due = present[slot] && sequences[slot] == playSeq;
            if (!due) {
                if (count == 0 && ++missingRun > REBUFFER_AFTER_LOSSES) {
                    playing = false;
                    started = false;
                    waited = 0;
                    return SILENT;
                }
                concealed++;
                advance();
                return LOST;
            }
            missingRun = 0;
            sinceStretch++;
            int limit = settings.adaptive() ? target + 2 * packetDuration : millisToTs(settings.maxMillis()) + packetDuration;
            int following = (playSeq + 1) & mask;
            boolean nextHere = present[following] && sequences[following] == ((playSeq + 1) & 0xffff);
            if (depth > limit && nextHere) {
                if (++overTarget >= (settings.adaptive() ? DROP_AFTER_POLLS : 1)) {
                    overTarget = 0;
                    present[slot] = false;
                    count--;
                    dropped++;
                    playTs = timestamps[slot];
                    advance();
                    continue;
                }
            } else {
                overTarget = 0;
            }
            // Stretch only when the buffer has stayed short for a while: arrival noise alone should not make
            // the delay wander.
            if (settings.adaptive() && depth < target - packetDuration) {
                if (++underTarget >= STRETCH_AFTER_POLLS && sinceStretch > DROP_AFTER_POLLS) {
                    underTarget = 0;
                    sinceStretch = 0;
                    stretched++;
                    return LOST;
                }
            } else {
                underTarget = 0;
            }
            present[slot] = false;
            count--;
            outSlot = slot;
            playTs = timestamps[slot];
            advance();
            played++;
            return PACKET;
        }
    }

    private void advance() {
        playSeq = (playSeq + 1) & 0xffff;
        playTs += packetDuration;
    }

    /** The payload of the packet {@link #poll()} returned; valid until the next {@link #put}. */
    public byte[] payload() {
        return payloads[outSlot];
    }

    public int payloadLength() {
        return lengths[outSlot];
    }

    /** RTP clock units one packet covers (learnt from the packets, first from the ptime). */
    public int packetDuration() {
        return packetDuration;
    }

    /** Packets waiting. */
    public int buffered() {
        return count;
    }

    public JitterStatistics statistics() {
        return new JitterStatistics(received, played, concealed, late, duplicates, resyncs, dropped, stretched,
                delayNow, targetNow, jitterNow);
    }

    private int millisToTs(int millis) {
        return (int) ((long) millis * clockRate / 1000);
    }
}
