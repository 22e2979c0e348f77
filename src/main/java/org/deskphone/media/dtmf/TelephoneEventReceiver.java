package org.deskphone.media.dtmf;

/**
 * Turns received RFC 4733 telephone-event packets into digits, each reported once: on its first end packet;
 * or, when the end packets were lost, when the next event starts or after 100 ms without packets (§2.5.2.2,
 * §2.5.2.3). Repeated end packets and retransmissions are ignored. Owned by the media thread.
 */
public final class TelephoneEventReceiver {
    private final int clockRate;
    private final long timeoutUnits;
    private boolean active;
    private boolean reported;
    private boolean haveLast;
    private long eventTimestamp;
    private int event;
    private int duration;
    private long lastArrival;
    private char endedDigit;
    private int endedDuration;

    public TelephoneEventReceiver(int clockRate) {
        this.clockRate = clockRate;
        this.timeoutUnits = clockRate / 10;
    }

    /**
     * Reads one telephone-event payload. Returns the digit that ended with it (or whose end was lost and
     * whose successor now started), or 0; see {@link #endedDurationMillis()}.
     */
    public char packet(byte[] payload, int offset, int length, long timestamp, long arrival) {
        if (length < 4) {
            return 0;
        }
        int code = payload[offset] & 0xff;
        boolean end = (payload[offset + 1] & 0x80) != 0;
        int packetDuration = (payload[offset + 2] & 0xff) << 8 | (payload[offset + 3] & 0xff);
        char finished = 0;
        boolean sameEvent = haveLast && timestamp == eventTimestamp && code == event;
        if (!sameEvent) {
            if (active && !reported) {
                finished = finish();
            }
            if (haveLast && (int) (timestamp - eventTimestamp) < 0) {
                return finished; // a straggler of an older event
            }
            active = true;
            reported = false;
            haveLast = true;
            eventTimestamp = timestamp;
            event = code;
            duration = 0;
        }
        lastArrival = arrival;
        duration = Math.max(duration, packetDuration);
        if (end && !reported) {
            char digit = finish();
            if (finished == 0) {
                finished = digit;
            }
        }
        return finished;
    }

    /** Reports an event whose end packets never came, 100 ms after its last packet; 0 otherwise. */
    public char tick(long now) {
        if (active && !reported && now - lastArrival > timeoutUnits) {
            return finish();
        }
        return 0;
    }

    private char finish() {
        reported = true;
        active = false;
        endedDigit = DtmfDigit.fromEvent(event);
        endedDuration = (int) (duration * 1000L / clockRate);
        return endedDigit;
    }

    /** The duration of the digit last reported, in milliseconds. */
    public int endedDurationMillis() {
        return endedDuration;
    }

    public void reset() {
        active = false;
        reported = false;
        haveLast = false;
    }
}
