package org.deskphone.media.codec;

/**
 * ITU-T G.711 companding: µ-law (PCMU, payload type 0) and A-law (PCMA, payload type 8), one byte per sample
 * at 8 kHz. Encoding goes through a 16 K-entry table indexed by the top 14 bits of the sample, decoding
 * through a 256-entry table; both are built once from the segment arithmetic of the standard.
 */
public final class G711 {
    private static final byte[] LINEAR_TO_ULAW = new byte[16384];
    private static final byte[] LINEAR_TO_ALAW = new byte[16384];
    private static final short[] ULAW_TO_LINEAR = new short[256];
    private static final short[] ALAW_TO_LINEAR = new short[256];

    static {
        for (int code = 0; code < 256; code++) {
            ULAW_TO_LINEAR[code] = (short) ulawToLinearSlow(code);
            ALAW_TO_LINEAR[code] = (short) alawToLinearSlow(code);
        }
        for (int i = 0; i < 16384; i++) {
            int sample = (i - 8192) << 2;
            LINEAR_TO_ULAW[i] = (byte) linearToUlawSlow(sample);
            LINEAR_TO_ALAW[i] = (byte) linearToAlawSlow(sample);
        }
    }

    private G711() {
    }

    public static byte linearToUlaw(int sample) {
        return LINEAR_TO_ULAW[(sample >> 2) + 8192];
    }

    public static byte linearToAlaw(int sample) {
        return LINEAR_TO_ALAW[(sample >> 2) + 8192];
    }

    public static short ulawToLinear(byte code) {
        return ULAW_TO_LINEAR[code & 0xff];
    }

    public static short alawToLinear(byte code) {
        return ALAW_TO_LINEAR[code & 0xff];
    }

    /** The encoder's decision for a 16-bit sample: the code whose reconstruction level is nearest. */
    static int linearToUlawSlow(int sample) {
        int pcm = sample >> 2; // 14-bit magnitude domain of the standard
        int mask;
        if (pcm < 0) {
            pcm = -pcm;
            mask = 0x7f;
        } else {
            mask = 0xff;
        }
        if (pcm > 8159) {
            pcm = 8159;
        }
        pcm += 0x21;
        int segment = 0;
        for (int end = 0x3f; segment < 8 && pcm > end; end = (end << 1) | 1) {
            segment++;
        }
        if (segment >= 8) {
            return 0x7f ^ mask;
        }
        return ((segment << 4) | ((pcm >> (segment + 1)) & 0x0f)) ^ mask;
    }

    static int ulawToLinearSlow(int code) {
        int u = ~code & 0xff;
        int t = ((u & 0x0f) << 3) + 0x84;
        t <<= (u & 0x70) >> 4;
        return (u & 0x80) != 0 ? 0x84 - t : t - 0x84;
    }

    static int linearToAlawSlow(int sample) {
        int pcm = sample >> 3; // 13-bit domain of the standard
        int mask;
        if (pcm >= 0) {
            mask = 0xd5;
        } else {
            mask = 0x55;
            pcm = -pcm - 1;
        }
        int segment = 0;
        for (int end = 0x1f; segment < 8 && pcm > end; end = (end << 1) | 1) {
            segment++;
        }
        if (segment >= 8) {
            return 0x7f ^ mask;
        }
        int code = segment << 4;
        code |= segment < 2 ? (pcm >> 1) & 0x0f : (pcm >> segment) & 0x0f;
        return code ^ mask;
    }

    static int alawToLinearSlow(int code) {
        int a = (code ^ 0x55) & 0xff;
        int t = (a & 0x0f) << 4;
        int segment = (a & 0x70) >> 4;
        if (segment == 0) {
            t += 8;
        } else {
            t += 0x108;
            t <<= segment - 1;
        }
        return (a & 0x80) != 0 ? t : -t;
    }

    /** PCMU or PCMA as an {@link Encoder}. */
    static Encoder encoder(boolean ulaw) {
        return new Encoder() {
            @Override
            public int encode(short[] pcm, int offset, int samples, byte[] out, int outOffset) {
                byte[] table = ulaw ? LINEAR_TO_ULAW : LINEAR_TO_ALAW;
                for (int i = 0; i < samples; i++) {
                    out[outOffset + i] = table[(pcm[offset + i] >> 2) + 8192];
                }
                return samples;
            }

            @Override
            public void reset() {
                // stateless
            }
        };
    }

    /** PCMU or PCMA as a {@link Decoder}. */
    static Decoder decoder(boolean ulaw) {
        return new FadingDecoder() {
            @Override
            protected int decodeFrame(byte[] in, int offset, int length, short[] pcm, int pcmOffset) {
                short[] table = ulaw ? ULAW_TO_LINEAR : ALAW_TO_LINEAR;
                for (int i = 0; i < length; i++) {
                    pcm[pcmOffset + i] = table[in[offset + i] & 0xff];
                }
                return length;
            }
        };
    }
}
