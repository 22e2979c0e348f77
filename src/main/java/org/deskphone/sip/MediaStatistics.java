package org.deskphone.sip;

/**
 * A stream's counters, for the {@code call} command's summary, the web UI and the call log.
 *
 * @param codec  the codec sent, e.g. {@code PCMU/8000}
 * @param srtp   the SRTP suite, or {@code none}
 * @param lost   packets expected but not received (RFC 3550 A.3)
 * @param jitterMillis interarrival jitter (RFC 3550 A.8), in ms
 */
public record MediaStatistics(String codec, String srtp, long packetsSent, long packetsReceived, long lost, double jitterMillis) {
    public static final MediaStatistics NONE = new MediaStatistics("none", "none", 0, 0, 0, 0);

    public String describe() {
        return String.format(java.util.Locale.ROOT, "codec %s, SRTP %s, sent %d, received %d, lost %d, jitter %.1f ms",
                codec, srtp, packetsSent, packetsReceived, lost, jitterMillis);
    }
}
