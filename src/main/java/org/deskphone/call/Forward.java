package org.deskphone.call;

/**
 * One kind of call forwarding as configured: whether it is on, where calls go, and for no-answer forwarding
 * after how many seconds of ringing.
 */
public record Forward(Kind kind, boolean on, String target, int seconds) {

    public enum Kind {
        /** Every call, at once (ALE "immediate", Yealink "always"). */
        ALWAYS,
        /** Calls that come while the phone is busy. */
        BUSY,
        /** Calls not answered within {@link #seconds()}. */
        NO_ANSWER
    }

    /** On, with somewhere to go. */
    public boolean active() {
        return on && !target.isBlank();
    }
}
