package org.deskphone.media.bench;

import java.util.Arrays;
import org.deskphone.media.srtp.SdesKey;
import org.deskphone.media.srtp.SrtpContext;
import org.deskphone.media.srtp.SrtpSuite;

/**
 * SRTP protect/unprotect in ns per 172-byte RTP packet (12-byte header + 160 bytes), in batches of 1000,
 * the same shape as the libsrtp2 driver's {@code bench} mode and the perf-anchors harnesses: with our
 * {@link SrtpContext}, so including its replay window and index estimation. Prints a "RESULT" line.
 *
 * <p>Usage: {@code SrtpSpeed PACKETS REPS}
 */
public final class SrtpSpeed {
    private SrtpSpeed() {
    }

    public static void main(String[] args) {
        long total = Long.parseLong(args[0]);
        int reps = Integer.parseInt(args[1]);
        byte[] material = new byte[30];
        for (int i = 0; i < 30; i++) {
            material[i] = (byte) (i * 7 + 1);
        }
        SdesKey key = new SdesKey(SrtpSuite.AES_CM_128_HMAC_SHA1_80, Arrays.copyOf(material, 16), Arrays.copyOfRange(material, 16, 30));
        SrtpContext tx = new SrtpContext(key);
        SrtpContext rx = new SrtpContext(key);
        final int slot = 200;
        final int batch = 1000;
        byte[] ring = new byte[batch * slot];
        byte[] template = new byte[172];
        template[0] = (byte) 0x80;
        template[8] = 0x11;
        template[9] = 0x22;
        template[10] = 0x33;
        template[11] = 0x44;
        for (int i = 0; i < 160; i++) {
            template[12 + i] = (byte) (0xD5 ^ (i * 13));
        }
        int seq = 1;
        long ts = 0;
        long failures = 0;
        double[] protect = new double[reps];
        double[] unprotect = new double[reps];
        for (int rep = -3; rep < reps; rep++) {
            long tp = 0;
            long tu = 0;
            for (long done = 0; done < total; done += batch) {
                long t0 = System.nanoTime();
                for (int k = 0; k < batch; k++) {
                    int o = k * slot;
                    System.arraycopy(template, 0, ring, o, 172);
                    ring[o + 2] = (byte) (seq >> 8);
                    ring[o + 3] = (byte) seq;
                    ring[o + 4] = (byte) (ts >> 24);
                    ring[o + 5] = (byte) (ts >> 16);
                    ring[o + 6] = (byte) (ts >> 8);
                    ring[o + 7] = (byte) ts;
                    seq = (seq + 1) & 0xffff;
                    ts += 160;
                    if (tx.protect(ring, o, 172) != 182) {
                        failures++;
                    }
                }
                long t1 = System.nanoTime();
                for (int k = 0; k < batch; k++) {
                    if (rx.unprotect(ring, k * slot, 182) != 172) {
                        failures++;
                    }
                }
                long t2 = System.nanoTime();
                tp += t1 - t0;
                tu += t2 - t1;
            }
            if (rep >= 0) {
                protect[rep] = (double) tp / total;
                unprotect[rep] = (double) tu / total;
            }
        }
        Arrays.sort(protect);
        Arrays.sort(unprotect);
        System.out.printf("RESULT java=%s failures=%d protect_ns_per_packet %.1f unprotect_ns_per_packet %.1f%n",
                System.getProperty("java.version"), failures, protect[reps / 2], unprotect[reps / 2]);
    }
}
