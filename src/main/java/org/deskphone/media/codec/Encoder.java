package org.deskphone.media.codec;

/**
 * Turns one frame of 16-bit PCM at the codec's {@link CodecType#sampleRate()} into an RTP payload. Called on
 * the media thread for every frame: implementations keep their state in preallocated fields and allocate
 * nothing per call.
 */
public interface Encoder {

    /**
     * Encodes {@code samples} samples of {@code pcm} from {@code offset} into {@code out} at
     * {@code outOffset}, and returns the number of payload bytes written.
     */
    int encode(short[] pcm, int offset, int samples, byte[] out, int outOffset);

    /** Forgets the past, as at the start of a new stream. */
    void reset();
}
