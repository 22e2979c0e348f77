package org.deskphone.media.codec;

/**
 * ITU-T G.726 ADPCM at 16, 24, 32 and 40 kbit/s (2 to 5 bits per 8 kHz sample), following the computational
 * details of the Recommendation (§4: adaptive quantizer, inverse quantizer, scale factor adaptation,
 * adaptation speed control, the 2-pole/6-zero predictor with its 11-bit floating-point multiply, tone and
 * transition detection). Input is linear PCM brought to the standard's 14-bit range by division by four.
 * Codewords are packed the RFC 3551 way (§4.5.4): the first codeword in the least significant bits.
 */
public final class G726 {
    private static final int[] POWER2 = {1, 2, 4, 8, 0x10, 0x20, 0x40, 0x80, 0x100, 0x200, 0x400, 0x800, 0x1000,
        0x2000, 0x4000};

    /** Per-rate tables: quantizer decision levels, inverse quantizer log magnitudes, W(I) and F(I). */
    private record Rate(int bits, int[] quantizer, int[] dqln, int[] w, int[] f) {
    }

    private static final Rate R16 = new Rate(2, new int[] {261},
            new int[] {116, 365, 365, 116},
            new int[] {-704, 14048, 14048, -704},
            new int[] {0, 0xE00, 0xE00, 0});
    private static final Rate R24 = new Rate(3, new int[] {8, 218, 331},
            new int[] {-2048, 135, 273, 373, 373, 273, 135, -2048},
            new int[] {-128, 960, 4384, 18624, 18624, 4384, 960, -128},
            new int[] {0, 0x200, 0x400, 0xE00, 0xE00, 0x400, 0x200, 0});
    private static final Rate R32 = new Rate(4, new int[] {-124, 80, 178, 246, 300, 349, 400},
            new int[] {-2048, 4, 135, 213, 273, 323, 373, 425, 425, 373, 323, 273, 213, 135, 4, -2048},
            new int[] {-384, 576, 1312, 2048, 3584, 6336, 11360, 35904, 35904, 11360, 6336, 3584, 2048, 1312, 576, -384},
            new int[] {0, 0, 0, 0x200, 0x200, 0x200, 0x600, 0xE00, 0xE00, 0x600, 0x200, 0x200, 0x200, 0, 0, 0});
    private static final Rate R40 = new Rate(5,
            new int[] {-122, -16, 68, 139, 198, 250, 298, 339, 378, 413, 445, 475, 502, 528, 553},
            new int[] {-2048, -66, 28, 104, 169, 224, 274, 318, 358, 395, 429, 459, 488, 514, 539, 566, 566, 539, 514,
                488, 459, 429, 395, 358, 318, 274, 224, 169, 104, 28, -66, -2048},
            new int[] {448, 448, 768, 1248, 1280, 1312, 1856, 3200, 4512, 5728, 7008, 8960, 11456, 14080, 16928, 22272,
                22272, 16928, 14080, 11456, 8960, 7008, 5728, 4512, 3200, 1856, 1312, 1280, 1248, 768, 448, 448},
            new int[] {0, 0, 0, 0, 0, 0x200, 0x200, 0x200, 0x200, 0x200, 0x400, 0x600, 0x800, 0xA00, 0xC00, 0xC00,
                0xC00, 0xC00, 0xA00, 0x800, 0x600, 0x400, 0x200, 0x200, 0x200, 0x200, 0x200, 0, 0, 0, 0, 0});

    private G726() {
    }

    private static Rate rate(int bitsPerSample) {
        return switch (bitsPerSample) {
            case 2 -> R16;
            case 3 -> R24;
            case 4 -> R32;
            case 5 -> R40;
            default -> throw new IllegalArgumentException("G.726 has 2 to 5 bits per sample, not " + bitsPerSample);
        };
    }

    private static int quan(int val, int[] table, int size) {
        int i = 0;
        while (i < size && val >= table[i]) {
            i++;
        }
        return i;
    }

    /** The standard's FMULT: an (16-bit two's complement) times srn (11-bit float), as 16-bit. */
    private static int fmult(int an, int srn) {
        int anmag = an > 0 ? an : (-an) & 0x1FFF;
        int anexp = quan(anmag, POWER2, 15) - 6;
        int anmant = anmag == 0 ? 32 : anexp >= 0 ? anmag >> anexp : anmag << -anexp;
        int wanexp = anexp + ((srn >> 6) & 0xF) - 13;
        int wanmant = (anmant * (srn & 0x3F) + 0x30) >> 4;
        int retval = wanexp >= 0 ? (wanmant << wanexp) & 0x7FFF : wanmant >> -wanexp;
        return ((an ^ srn) < 0) ? -retval : retval;
    }

    /** The state the encoder and the decoder share: one per direction. */
    static final class State {
        private final Rate rate;
        private int yl;
        private int yu;
        private int dms;
        private int dml;
        private int ap;
        private final int[] a = new int[2];
        private final int[] b = new int[6];
        private final int[] pk = new int[2];
        private final int[] dq = new int[6];
        private final int[] sr = new int[2];
        private boolean td;

        State(int bitsPerSample) {
            this.rate = rate(bitsPerSample);
            reset();
        }

        void reset() {
            yl = 34816;
            yu = 544;
            dms = dml = ap = 0;
            for (int i = 0; i < 2; i++) {
                a[i] = 0;
                pk[i] = 0;
                sr[i] = 32;
            }
            for (int i = 0; i < 6; i++) {
                b[i] = 0;
                dq[i] = 32;
            }
            td = false;
        }

        int bits() {
            return rate.bits;
        }

        private int predictorZero() {
            int sezi = 0;
            for (int i = 0; i < 6; i++) {
                sezi += fmult(b[i] >> 2, dq[i]);
            }
            return sezi;
        }

        private int predictorPole() {
            return fmult(a[1] >> 2, sr[1]) + fmult(a[0] >> 2, sr[0]);
        }

        private int stepSize() {
            if (ap >= 256) {
                return yu;
            }
            int y = yl >> 6;
            int dif = yu - y;
            int al = ap >> 2;
            if (dif > 0) {
                y += (dif * al) >> 6;
            } else if (dif < 0) {
                y += (dif * al + 0x3F) >> 6;
            }
            return y;
        }

        private int quantize(int d, int y) {
            int dqm = Math.abs(d);
            int exp = quan(dqm >> 1, POWER2, 15);
            int mant = ((dqm << 7) >> exp) & 0x7F;
            int dl = (exp << 7) + mant;
            int dln = (short) (dl - (y >> 2));
            int size = rate.quantizer.length;
            int i = quan(dln, rate.quantizer, size);
            int codes = 1 << rate.bits;
            if (rate.bits == 2) {
                // The 2-bit quantizer has no "0" interval to complement: the sign alone picks the code.
                return d < 0 ? 3 - i : i;
            }
            if (d < 0) {
                return (size << 1) + 1 - i;
            }
            return i == 0 ? codes - 1 : i; // the one's complement of 0 (the 1988 revision)
        }

        private static int reconstruct(boolean sign, int dqln, int y) {
            int dql = (short) (dqln + (y >> 2));
            if (dql < 0) {
                return sign ? -0x8000 : 0;
            }
            int dex = (dql >> 7) & 15;
            int dqt = 128 + (dql & 127);
            int dqv = (short) ((dqt << 7) >> (14 - dex));
            return sign ? dqv - 0x8000 : dqv;
        }

        /** Runs one sample through the decoder half (shared by both directions); returns the 14-bit reconstruction. */
        private int step(int code, int se, int sez, int y) {
            int signBit = 1 << (rate.bits - 1);
            int dqv = reconstruct((code & signBit) != 0, rate.dqln[code], y);
            int srv = dqv < 0 ? se - (dqv & 0x3FFF) : se + dqv;
            srv = (short) srv;
            int dqsez = (short) (srv + sez - se);
            update(y, rate.w[code], rate.f[code], dqv, srv, dqsez);
            return srv;
        }

        int encode(int sample) {
            int sl = sample / 4; // 14-bit range; truncation toward zero, as ffmpeg does
            int sezi = predictorZero();
            int sez = sezi >> 1;
            int se = (short) ((sezi + predictorPole()) >> 1);
            int d = (short) (sl - se);
            int y = stepSize();
            int code = quantize(d, y);
            step(code, se, sez, y);
            return code;
        }

        int decode(int code) {
            code &= (1 << rate.bits) - 1;
            int sezi = predictorZero();
            int sez = sezi >> 1;
            int se = (short) ((sezi + predictorPole()) >> 1);
            int y = stepSize();
            int srv = step(code, se, sez, y);
            return Math.max(-32768, Math.min(32767, srv << 2));
        }

        private void update(int y, int wi, int fi, int dqv, int srv, int dqsez) {
            int pk0 = dqsez < 0 ? 1 : 0;
            int mag = dqv & 0x7FFF;
            int ylint = yl >> 15;
            int ylfrac = (yl >> 10) & 0x1F;
            int thr1 = (32 + ylfrac) << ylint;
            int thr2 = ylint > 9 ? 31 << 10 : thr1;
            int dqthr = (thr2 + (thr2 >> 1)) >> 1;
            boolean tr = td && mag > dqthr;

            yu = y + ((wi - y) >> 5);
            if (yu < 544) {
                yu = 544;
            } else if (yu > 5120) {
                yu = 5120;
            }
            yl += yu + ((-yl) >> 6);

            int a2p = 0;
            if (tr) {
                a[0] = a[1] = 0;
                java.util.Arrays.fill(b, 0);
            } else {
                int pks1 = pk0 ^ pk[0];
                a2p = a[1] - (a[1] >> 7);
                if (dqsez != 0) {
                    int fa1 = pks1 != 0 ? a[0] : -a[0];
                    if (fa1 < -8191) {
                        a2p -= 0x100;
                    } else if (fa1 > 8191) {
                        a2p += 0xFF;
                    } else {
                        a2p += fa1 >> 5;
                    }
                    if ((pk0 ^ pk[1]) != 0) {
                        if (a2p <= -12160) {
                            a2p = -12288;
                        } else if (a2p >= 12416) {
                            a2p = 12288;
                        } else {
                            a2p -= 0x80;
                        }
                    } else if (a2p <= -12416) {
                        a2p = -12288;
                    } else if (a2p >= 12160) {
                        a2p = 12288;
                    } else {
                        a2p += 0x80;
                    }
                }
                a[1] = a2p;

                a[0] -= a[0] >> 8;
                if (dqsez != 0) {
                    a[0] += pks1 == 0 ? 192 : -192;
                }
                int a1ul = 15360 - a2p;
                if (a[0] < -a1ul) {
                    a[0] = -a1ul;
                } else if (a[0] > a1ul) {
                    a[0] = a1ul;
                }

                for (int i = 0; i < 6; i++) {
                    b[i] -= rate.bits == 5 ? b[i] >> 9 : b[i] >> 8;
                    if ((dqv & 0x7FFF) != 0) {
                        b[i] += (dqv ^ dq[i]) >= 0 ? 128 : -128;
                    }
                }
            }

            for (int i = 5; i > 0; i--) {
                dq[i] = dq[i - 1];
            }
            if (mag == 0) {
                dq[0] = dqv >= 0 ? 0x20 : (short) 0xFC20;
            } else {
                int exp = quan(mag, POWER2, 15);
                int f = (exp << 6) + ((mag << 6) >> exp);
                dq[0] = (short) (dqv >= 0 ? f : f - 0x400);
            }

            sr[1] = sr[0];
            if (srv == 0) {
                sr[0] = 0x20;
            } else if (srv > 0) {
                int exp = quan(srv, POWER2, 15);
                sr[0] = (exp << 6) + ((srv << 6) >> exp);
            } else if (srv > -32768) {
                int m = -srv;
                int exp = quan(m, POWER2, 15);
                sr[0] = (short) ((exp << 6) + ((m << 6) >> exp) - 0x400);
            } else {
                sr[0] = (short) 0xFC20;
            }

            pk[1] = pk[0];
            pk[0] = pk0;

            if (tr) {
                td = false;
            } else {
                td = a2p < -11776;
            }

            dms += (fi - dms) >> 5;
            dml += ((fi << 2) - dml) >> 7;
            if (tr) {
                ap = 256;
            } else if (y < 1536 || td || Math.abs((dms << 2) - dml) >= (dml >> 3)) {
                ap += (0x200 - ap) >> 4;
            } else {
                ap += (-ap) >> 4;
            }
        }
    }

    /** G.726 encoder with RFC 3551 packing; a frame must hold a whole number of bytes (any multiple of 8 samples). */
    static final class G726Encoder implements Encoder {
        private final State state;

        G726Encoder(int bitsPerSample) {
            state = new State(bitsPerSample);
        }

        @Override
        public int encode(short[] pcm, int offset, int samples, byte[] out, int outOffset) {
            int bits = state.bits();
            int accumulator = 0;
            int filled = 0;
            int written = 0;
            for (int i = 0; i < samples; i++) {
                accumulator |= state.encode(pcm[offset + i]) << filled;
                filled += bits;
                while (filled >= 8) {
                    out[outOffset + written++] = (byte) accumulator;
                    accumulator >>>= 8;
                    filled -= 8;
                }
            }
            if (filled > 0) {
                out[outOffset + written++] = (byte) accumulator;
            }
            return written;
        }

        @Override
        public void reset() {
            state.reset();
        }
    }

    /** G.726 decoder with RFC 3551 packing. */
    static final class G726Decoder extends FadingDecoder {
        private final State state;

        G726Decoder(int bitsPerSample) {
            state = new State(bitsPerSample);
        }

        @Override
        protected void resetCodec() {
            state.reset();
        }

        @Override
        protected int decodeFrame(byte[] in, int offset, int length, short[] pcm, int pcmOffset) {
            int bits = state.bits();
            int mask = (1 << bits) - 1;
            int accumulator = 0;
            int filled = 0;
            int out = pcmOffset;
            for (int i = 0; i < length; i++) {
                accumulator |= (in[offset + i] & 0xff) << filled;
                filled += 8;
                while (filled >= bits) {
                    pcm[out++] = (short) state.decode(accumulator & mask);
                    accumulator >>>= bits;
                    filled -= bits;
                }
            }
            return out - pcmOffset;
        }
    }
}
