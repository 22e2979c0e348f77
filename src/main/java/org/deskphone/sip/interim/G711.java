package org.deskphone.sip.interim;

/** ITU-T G.711 μ-law and A-law, sample by sample (the classic Sun reference algorithm). */
final class G711 {
    private static final short[] ULAW = new short[256];
    private static final short[] ALAW = new short[256];

    static {
        for (int i = 0; i < 256; i++) {
            ULAW[i] = ulawToLinear((byte) i);
            ALAW[i] = alawToLinear((byte) i);
        }
    }

    private G711() {
    }

    static byte linearToUlaw(short sample) {
        int pcm = sample;
        int sign = (pcm >> 8) & 0x80;
        if (sign != 0) {
            pcm = -pcm;
        }
        if (pcm > 32635) {
            pcm = 32635;
        }
        pcm += 0x84;
        int exponent = 7;
        for (int mask = 0x4000; (pcm & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (pcm >> (exponent + 3)) & 0x0f;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }

    static short ulaw(byte code) {
        return ULAW[code & 0xff];
    }

    private static short ulawToLinear(byte code) {
        int u = ~code & 0xff;
        int t = ((u & 0x0f) << 3) + 0x84;
        t <<= (u & 0x70) >> 4;
        return (short) ((u & 0x80) != 0 ? 0x84 - t : t - 0x84);
    }

    static byte linearToAlaw(short sample) {
        int pcm = sample;
        int mask;
        if (pcm >= 0) {
            mask = 0xd5;
        } else {
            mask = 0x55;
            pcm = -pcm - 1;
        }
        if (pcm > 32767) {
            pcm = 32767;
        }
        int segment = 0;
        for (int end = 0xff; segment < 8 && pcm > end; segment++) {
            end = (end << 1) | 1;
        }
        if (segment >= 8) {
            return (byte) (0x7f ^ mask);
        }
        int value = segment << 4;
        value |= segment < 2 ? (pcm >> 4) & 0x0f : (pcm >> (segment + 3)) & 0x0f;
        return (byte) (value ^ mask);
    }

    static short alaw(byte code) {
        return ALAW[code & 0xff];
    }

    private static short alawToLinear(byte code) {
        int a = (code ^ 0x55) & 0xff;
        int t = (a & 0x0f) << 4;
        int segment = (a & 0x70) >> 4;
        switch (segment) {
            case 0 -> t += 8;
            case 1 -> t += 0x108;
            default -> {
                t += 0x108;
                t <<= segment - 1;
            }
        }
        return (short) ((a & 0x80) != 0 ? t : -t);
    }
}
