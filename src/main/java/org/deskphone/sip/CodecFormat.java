package org.deskphone.sip;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A codec as SDP names it: {@code a=rtpmap:<payloadType> <encodingName>/<clockRate>[/<channels>]} and
 * its {@code a=fmtp}. The media engine lists those it can carry ({@link CallMedia#codecs}); offer/answer
 * matches them by name, clock rate and channels, never by payload type, which is only the offerer's label.
 */
public record CodecFormat(String encodingName, int clockRate, int channels, int payloadType, Optional<String> fmtp) {

    public CodecFormat {
        Objects.requireNonNull(encodingName, "encodingName");
        Objects.requireNonNull(fmtp, "fmtp");
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type must be 0-127: " + payloadType);
        }
        if (clockRate <= 0 || channels <= 0) {
            throw new IllegalArgumentException("bad clock rate or channels for " + encodingName);
        }
    }

    public static CodecFormat of(String encodingName, int clockRate, int payloadType) {
        return new CodecFormat(encodingName, clockRate, 1, payloadType, Optional.empty());
    }

    /** Same codec whatever the payload type (RFC 3264 §6.1: names compare case-insensitively). */
    public boolean sameCodec(String name, int rate, int channelCount) {
        return encodingName.equalsIgnoreCase(name) && clockRate == rate && channels == channelCount;
    }

    public CodecFormat withPayloadType(int value) {
        return new CodecFormat(encodingName, clockRate, channels, value, fmtp);
    }

    /** {@code PCMU/8000}, {@code opus/48000/2}. */
    public String rtpmap() {
        return encodingName + "/" + clockRate + (channels > 1 ? "/" + channels : "");
    }

    public boolean isTelephoneEvent() {
        return encodingName.toLowerCase(Locale.ROOT).equals("telephone-event");
    }

    @Override
    public String toString() {
        return rtpmap() + " (PT " + payloadType + ")";
    }
}
