package org.deskphone.hal;

/**
 * The shape of the frames an {@link AudioDevice} exchanges: 16-bit signed mono PCM at one of the
 * telephony rates, in frames of a fixed duration (the packet time).
 */
public record AudioFormat(int sampleRate, int frameMillis) {

    public AudioFormat {
        if (sampleRate != 8000 && sampleRate != 16000 && sampleRate != 48000) {
            throw new IllegalArgumentException("sample rate must be 8000, 16000 or 48000 Hz: " + sampleRate);
        }
        if (frameMillis < 5 || frameMillis > 120 || frameMillis % 5 != 0) {
            throw new IllegalArgumentException("frame length must be a multiple of 5 ms from 5 to 120: " + frameMillis);
        }
    }

    public int samplesPerFrame() {
        return sampleRate / 1000 * frameMillis;
    }

    public long frameNanos() {
        return frameMillis * 1_000_000L;
    }

    @Override
    public String toString() {
        return sampleRate + " Hz, " + frameMillis + " ms";
    }
}
