package org.deskphone.media.srtp;

/**
 * The receiver's replay list of RFC 3711 §3.3.2: the highest index seen and a 128-packet window below it
 * (libsrtp's default size), as a bit mask. {@link #check} before authentication, {@link #accept} after.
 */
final class ReplayWindow {
    static final int SIZE = 128;
    private long highest = -1;
    private long low; // bit i: highest - i seen, for i in 0..63
    private long high; // bit i: highest - 64 - i seen

    /** True when {@code index} is new and not too old. */
    boolean check(long index) {
        if (highest < 0 || index > highest) {
            return true;
        }
        long delta = highest - index;
        if (delta >= SIZE) {
            return false;
        }
        return delta < 64 ? (low & (1L << delta)) == 0 : (high & (1L << (delta - 64))) == 0;
    }

    void accept(long index) {
        if (highest < 0) {
            highest = index;
            low = 1;
            high = 0;
            return;
        }
        if (index > highest) {
            long shift = index - highest;
            if (shift >= SIZE) {
                low = 0;
                high = 0;
            } else if (shift >= 64) {
                high = low << (shift - 64);
                low = 0;
            } else {
                high = (high << shift) | (low >>> (64 - shift));
                low <<= shift;
            }
            low |= 1;
            highest = index;
        } else {
            long delta = highest - index;
            if (delta < 64) {
                low |= 1L << delta;
            } else if (delta < SIZE) {
                high |= 1L << (delta - 64);
            }
        }
    }

    void reset() {
        highest = -1;
        low = 0;
        high = 0;
    }
}
