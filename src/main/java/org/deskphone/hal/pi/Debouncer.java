package org.deskphone.hal.pi;

/**
 * One contact's debouncer: the reported state changes only after the raw reading has disagreed with it
 * for {@code samples} scans in a row. A bounce resets the count, so a contact that chatters while it
 * settles yields one change, {@code samples} scan periods after it settled.
 */
final class Debouncer {
    private final int samples;
    private boolean state;
    private int disagreeing;

    Debouncer(int samples, boolean initial) {
        if (samples < 1) {
            throw new IllegalArgumentException("debounce needs at least one sample: " + samples);
        }
        this.samples = samples;
        this.state = initial;
    }

    /** Feeds one raw reading; true when the debounced state changed with it. */
    boolean sample(boolean raw) {
        if (raw == state) {
            disagreeing = 0;
            return false;
        }
        if (++disagreeing < samples) {
            return false;
        }
        state = raw;
        disagreeing = 0;
        return true;
    }

    boolean state() {
        return state;
    }

    /** How many scans of {@code period} cover {@code debounceMillis}: at least one. */
    static int samplesFor(int debounceMillis, int periodMillis) {
        return Math.max(1, (debounceMillis + periodMillis - 1) / periodMillis);
    }
}
