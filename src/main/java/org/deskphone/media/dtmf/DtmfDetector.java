package org.deskphone.media.dtmf;

/**
 * Detects in-band DTMF in 8 kHz audio with the Goertzel algorithm over blocks of 205 samples (about 25.6 ms;
 * the bins then fall near the eight Q.23 frequencies). A block holds a digit when the strongest row and
 * column tones carry most of the block's energy, each stands 6 dB above its rivals, and the twist is within
 * 8 dB normal / 4 dB reverse (Q.24). A digit starts after two such blocks in a row and is reported when it
 * ends, with its duration. Robust to G.711 quantisation noise. Allocates nothing.
 */
public final class DtmfDetector {
    private static final int BLOCK = 205;
    private static final double[] COEFFICIENTS = new double[8];
    private static final double MIN_LEVEL = 1.0e5; // block energy below this (about -50 dBFS) is silence

    static {
        for (int i = 0; i < 8; i++) {
            double f = i < 4 ? DtmfDigit.ROWS[i] : DtmfDigit.COLUMNS[i - 4];
            int k = (int) Math.round(BLOCK * f / 8000.0);
            COEFFICIENTS[i] = 2 * Math.cos(2 * Math.PI * k / BLOCK);
        }
    }

    private final double[] q1 = new double[8];
    private final double[] q2 = new double[8];
    private final double[] power = new double[8];
    private double energy;
    private int filled;
    private char candidate;
    private int candidateBlocks;
    private char current;
    private int currentBlocks;
    private int missingBlocks;
    private char ended;
    private int endedMillis;

    /**
     * Feeds 8 kHz samples. Returns a digit when one has just ended (then see {@link #endedDurationMillis()}),
     * else 0.
     */
    public char feed(short[] pcm, int offset, int samples) {
        char result = 0;
        for (int i = 0; i < samples; i++) {
            double x = pcm[offset + i];
            energy += x * x;
            for (int f = 0; f < 8; f++) {
                double q0 = COEFFICIENTS[f] * q1[f] - q2[f] + x;
                q2[f] = q1[f];
                q1[f] = q0;
            }
            if (++filled == BLOCK) {
                char r = block();
                if (r != 0) {
                    result = r;
                }
            }
        }
        return result;
    }

    /** The digit starting now (two blocks seen), or 0: for a "digit pressed" display before it ends. */
    public char current() {
        return current;
    }

    public int endedDurationMillis() {
        return endedMillis;
    }

    private char block() {
        for (int f = 0; f < 8; f++) {
            power[f] = q1[f] * q1[f] + q2[f] * q2[f] - COEFFICIENTS[f] * q1[f] * q2[f];
            q1[f] = 0;
            q2[f] = 0;
        }
        char seen = classify();
        energy = 0;
        filled = 0;

        if (seen != 0 && seen == candidate) {
            candidateBlocks++;
        } else {
            candidate = seen;
            candidateBlocks = seen != 0 ? 1 : 0;
        }
        char result = 0;
        if (current == 0) {
            if (candidateBlocks >= 2) {
                current = candidate;
                currentBlocks = candidateBlocks;
                missingBlocks = 0;
            }
        } else if (seen == current) {
            currentBlocks++;
            missingBlocks = 0;
        } else if (++missingBlocks >= 2 || (seen != 0 && candidateBlocks >= 2)) {
            ended = current;
            endedMillis = currentBlocks * BLOCK / 8;
            result = ended;
            current = 0;
            if (seen != 0 && candidateBlocks >= 2) {
                current = seen;
                currentBlocks = candidateBlocks;
                missingBlocks = 0;
            }
        }
        return result;
    }

    private char classify() {
        if (energy < MIN_LEVEL) {
            return 0;
        }
        int row = strongest(0);
        int column = strongest(4);
        double rowPower = power[row];
        double columnPower = power[column];
        for (int f = 0; f < 4; f++) {
            if (f != row && power[f] * 4 > rowPower) {
                return 0;
            }
            if (f + 4 != column && power[f + 4] * 4 > columnPower) {
                return 0;
            }
        }
        // normal twist (high group weaker) up to 8 dB, reverse up to 4 dB
        if (columnPower < rowPower * 0.158 || columnPower > rowPower * 2.51) {
            return 0;
        }
        // a pure tone of amplitude A gives power (A·N/2)^2 and energy N·A^2/2: 2·power/(N·energy) = 1
        double share = 2 * (rowPower + columnPower) / (BLOCK * energy);
        if (share < 0.6) {
            return 0;
        }
        return DtmfDigit.at(row, column - 4);
    }

    private int strongest(int from) {
        int best = from;
        for (int f = from + 1; f < from + 4; f++) {
            if (power[f] > power[best]) {
                best = f;
            }
        }
        return best;
    }
}
