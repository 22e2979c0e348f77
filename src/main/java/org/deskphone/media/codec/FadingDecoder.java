package org.deskphone.media.codec;

/**
 * A decoder for codecs without concealment of their own (G.711, G.722, G.726): a lost packet is replaced by
 * the last 10 ms heard, repeated and faded out over two packets, then silence, which is what G.711
 * Appendix I calls the simplest acceptable concealment. The history is a preallocated ring.
 */
abstract class FadingDecoder implements Decoder {
    private static final int HISTORY = 480; // 10 ms at 48 kHz, the most any codec here needs
    private final short[] history = new short[HISTORY];
    private int historyLength;
    private int historyStart;
    private int concealedSamples;

    protected abstract int decodeFrame(byte[] in, int offset, int length, short[] pcm, int pcmOffset);

    /** Clears codec state other than the concealment history. */
    protected void resetCodec() {
        // stateless by default
    }

    @Override
    public final int decode(byte[] in, int offset, int length, short[] pcm, int pcmOffset) {
        int n = decodeFrame(in, offset, length, pcm, pcmOffset);
        int keep = Math.min(n, HISTORY);
        System.arraycopy(pcm, pcmOffset + n - keep, history, 0, keep);
        historyLength = keep;
        historyStart = 0;
        concealedSamples = 0;
        return n;
    }

    @Override
    public final int conceal(short[] pcm, int offset, int samples) {
        // Fade over 2 frames' worth of samples, whatever the frame length.
        int fadeLength = Math.max(1, 2 * samples);
        for (int i = 0; i < samples; i++) {
            int done = concealedSamples + i;
            if (historyLength == 0 || done >= fadeLength) {
                pcm[offset + i] = 0;
                continue;
            }
            int gain = (fadeLength - done) * 256 / fadeLength;
            short past = history[(historyStart + done) % historyLength];
            pcm[offset + i] = (short) (past * gain >> 8);
        }
        concealedSamples += samples;
        return samples;
    }

    @Override
    public final void reset() {
        historyLength = 0;
        concealedSamples = 0;
        resetCodec();
    }
}
