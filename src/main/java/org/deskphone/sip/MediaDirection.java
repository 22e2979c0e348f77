package org.deskphone.sip;

import java.util.Locale;
import java.util.Optional;

/** RFC 3264 §5.1 stream direction, seen from the side that writes it. */
public enum MediaDirection {
    SENDRECV(true, true), SENDONLY(true, false), RECVONLY(false, true), INACTIVE(false, false);

    private final boolean sends;
    private final boolean receives;

    MediaDirection(boolean sends, boolean receives) {
        this.sends = sends;
        this.receives = receives;
    }

    public boolean sends() {
        return sends;
    }

    public boolean receives() {
        return receives;
    }

    /** The same stream seen from the other side: their sendonly is our recvonly. */
    public MediaDirection reversed() {
        return of(receives, sends);
    }

    /** What both allow: send only if both allow sending, and likewise for receiving. */
    public MediaDirection and(MediaDirection other) {
        return of(sends && other.sends, receives && other.receives);
    }

    public String attribute() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MediaDirection of(boolean sends, boolean receives) {
        return sends ? (receives ? SENDRECV : SENDONLY) : (receives ? RECVONLY : INACTIVE);
    }

    public static Optional<MediaDirection> fromAttribute(String name) {
        for (MediaDirection direction : values()) {
            if (direction.attribute().equalsIgnoreCase(name)) {
                return Optional.of(direction);
            }
        }
        return Optional.empty();
    }
}
