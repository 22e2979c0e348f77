package org.deskphone.media;

/**
 * The local UDP ports RTP may use. RTP takes an even port and RTCP the next one (RFC 3550 §11). Neither
 * manual sets a range (ALE digest §2.6); the default below is ours, for ten calls, until the configuration
 * gives one.
 */
public record PortRange(int first, int last) {

    public static final PortRange DEFAULT = new PortRange(11780, 11800);

    public PortRange {
        if (first < 1024 || last > 65535 || first > last - 1) {
            throw new IllegalArgumentException("RTP port range must lie in 1024-65535 and hold at least two ports: " + first + "-" + last);
        }
    }
}
