package org.deskphone.media.dtmf;

/**
 * Sends digits as RFC 4733 telephone-events: for each digit, a first packet with the marker bit, then one
 * packet per packet time with the growing duration, all carrying the event's start timestamp, then the end
 * packet (E bit) repeated as configured (§2.5.1.4). Digits asked for while one plays wait in a small ring and
 * follow after a pause of two packet times. Owned by the media thread; allocates nothing.
 */
public final class TelephoneEventSender {
    private static final int VOLUME = 10; // -10 dBm0
    private static final int GAP_PACKETS = 2;

    private final int stepUnits;
    private final int eventUnits;
    private final int endRepetitions;
    private final char[] waiting = new char[32];
    private int waitHead;
    private int waitCount;

    private int event = -1;
    private long startTimestamp;
    private int duration;
    private int endsSent;
    private int gap;
    private boolean first;

    public TelephoneEventSender(int clockRate, int ptimeMillis, DtmfSettings settings) {
        this.stepUnits = clockRate / 1000 * ptimeMillis;
        this.eventUnits = clockRate / 1000 * settings.durationMillis();
        this.endRepetitions = settings.endRepetitions();
    }

    /** Queues a digit; false when 32 are already waiting. */
    public boolean queue(char digit) {
        if (waitCount == waiting.length) {
            return false;
        }
        waiting[(waitHead + waitCount++) % waiting.length] = digit;
        return true;
    }

    /** True while an event is being sent or waits: the audio of those packet times is not sent. */
    public boolean busy() {
        return event >= 0 || gap > 0 || waitCount > 0;
    }

    /**
     * For the packet time starting at {@code timestamp}: writes the 4-byte event payload into {@code out} and
     * returns 4, or returns 0 when no event packet is due (send audio, or nothing during the gap).
     */
    public int next(long timestamp, byte[] out, int at) {
        if (event < 0) {
            if (gap > 0) {
                gap--;
                return 0;
            }
            if (waitCount == 0) {
                return 0;
            }
            event = DtmfDigit.event(waiting[waitHead]);
            waitHead = (waitHead + 1) % waiting.length;
            waitCount--;
            startTimestamp = timestamp;
            duration = 0;
            endsSent = 0;
            first = true;
        } else {
            first = false;
        }
        boolean end;
        if (duration < eventUnits) {
            duration = Math.min(eventUnits, duration + stepUnits);
            end = false;
        } else {
            end = true;
            endsSent++;
        }
        out[at] = (byte) event;
        out[at + 1] = (byte) ((end ? 0x80 : 0) | VOLUME);
        out[at + 2] = (byte) (duration >>> 8);
        out[at + 3] = (byte) duration;
        if (end && endsSent >= endRepetitions) {
            event = -1;
            gap = GAP_PACKETS;
        }
        return 4;
    }

    /** Whether the packet {@link #next} just wrote starts an event (RTP marker bit). */
    public boolean marker() {
        return first;
    }

    /** The RTP timestamp of the packet {@link #next} just wrote: the event's start. */
    public long eventTimestamp() {
        return startTimestamp;
    }
}
