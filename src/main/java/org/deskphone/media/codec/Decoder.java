package org.deskphone.media.codec;

/**
 * Turns an RTP payload back into 16-bit PCM at the codec's {@link CodecType#sampleRate()}, and hides a lost
 * packet. Called on the media thread; allocates nothing per call.
 */
public interface Decoder {

    /**
     * Decodes {@code length} payload bytes from {@code in} at {@code offset} into {@code pcm} at
     * {@code pcmOffset}, which has room for the longest packet the stream accepts (120 ms); returns the samples written.
     */
    int decode(byte[] in, int offset, int length, short[] pcm, int pcmOffset);

    /**
     * Writes {@code samples} samples that stand in for a lost packet (packet loss concealment) and returns
     * how many it wrote. The default repeats nothing and fades to silence; codecs with their own PLC override it.
     */
    int conceal(short[] pcm, int offset, int samples);

    /** Forgets the past, as after an SSRC change. */
    void reset();
}
