package org.deskphone.media.codec;

import java.util.Optional;

/** One codec line pair of an SDP offer: {@code a=rtpmap:<payloadType> <name>/<clockRate>[/<channels>]} and its fmtp. */
public record SdpCodec(CodecType type, int payloadType, String encodingName, int clockRate, int channels, Optional<String> fmtp) {

    /** The value of {@code a=rtpmap} after the payload type, such as {@code opus/48000/2}. */
    public String rtpmap() {
        return encodingName + "/" + clockRate + (channels > 1 ? "/" + channels : "");
    }
}
