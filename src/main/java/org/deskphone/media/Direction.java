package org.deskphone.media;

import java.util.Locale;

/** The SDP direction of a stream from this phone's side (RFC 3264 §5.1); hold is a change of direction. */
public enum Direction {
    SENDRECV(true, true),
    SENDONLY(true, false),
    RECVONLY(false, true),
    INACTIVE(false, false);

    private final boolean sends;
    private final boolean receives;

    Direction(boolean sends, boolean receives) {
        this.sends = sends;
        this.receives = receives;
    }

    public boolean sends() {
        return sends;
    }

    public boolean receives() {
        return receives;
    }

    /** The SDP attribute name, such as {@code sendrecv}. */
    public String sdp() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Direction fromSdp(String attribute) {
        return valueOf(attribute.trim().toUpperCase(Locale.ROOT));
    }
}
