package org.deskphone.media.codec;

/**
 * The audio bandwidth Opus is asked to carry: the ALE manual's {@code AccountXOpusBandwidth} (seed L5046:
 * 0 narrowband, 1 wideband, 2 super-wideband; default 1) with the sample rate each one is coded at (L5010-5016).
 */
public enum OpusBandwidth {
    NARROWBAND(8000),
    WIDEBAND(16000),
    SUPER_WIDEBAND(48000);

    private final int sampleRate;

    OpusBandwidth(int sampleRate) {
        this.sampleRate = sampleRate;
    }

    /** The PCM rate the encoder and decoder run at for this bandwidth. */
    public int sampleRate() {
        return sampleRate;
    }

    /** The manual's code: 0, 1 or 2. */
    public static OpusBandwidth fromCode(int code) {
        return switch (code) {
            case 0 -> NARROWBAND;
            case 1 -> WIDEBAND;
            case 2 -> SUPER_WIDEBAND;
            default -> throw new IllegalArgumentException("Opus bandwidth is 0 (NB), 1 (WB) or 2 (SWB), not " + code);
        };
    }
}
