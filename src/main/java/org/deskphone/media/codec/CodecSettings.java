package org.deskphone.media.codec;

import java.util.Objects;

/**
 * Codec settings from the configuration store, as plain values. {@code opusPayloadType} is the ALE manual's
 * {@code AccountXOpusPayloadType} (seed L5074, 96-127, default 125).
 */
public record CodecSettings(OpusBandwidth opusBandwidth, int opusBitrate, int opusComplexity, int opusPayloadType) {

    public static final CodecSettings DEFAULTS = new CodecSettings(OpusBandwidth.WIDEBAND, 24000, 5, 125);

    public CodecSettings {
        Objects.requireNonNull(opusBandwidth, "opusBandwidth");
        if (opusBitrate < 6000 || opusBitrate > 510000) {
            throw new IllegalArgumentException("Opus bitrate must be 6000-510000 bit/s: " + opusBitrate);
        }
        if (opusComplexity < 0 || opusComplexity > 10) {
            throw new IllegalArgumentException("Opus complexity must be 0-10: " + opusComplexity);
        }
        if (opusPayloadType < 96 || opusPayloadType > 127) {
            throw new IllegalArgumentException("Opus payload type must be 96-127: " + opusPayloadType);
        }
    }
}
