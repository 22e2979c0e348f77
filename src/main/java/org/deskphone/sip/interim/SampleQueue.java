package org.deskphone.sip.interim;

import java.util.Arrays;

/**
 * What arrived from the network, waiting to be played: a ring of samples the receive thread writes and
 * the sound card's thread reads. Playing starts once two frames' worth are queued and pauses when it runs
 * dry, the crudest jitter buffer that still sounds right on a LAN. Allocates nothing after construction.
 */
final class SampleQueue {
    private final short[] ring;
    private int read;
    private int size;
    private boolean playing;

    SampleQueue(int capacity) {
        ring = new short[capacity];
    }

    synchronized void put(short[] samples, int count) {
        for (int i = 0; i < count; i++) {
            if (size == ring.length) {
                read = (read + 1) % ring.length; // overflow: drop the oldest
                size--;
            }
            ring[(read + size) % ring.length] = samples[i];
            size++;
        }
    }

    /** Fills {@code out} (or drops as many samples when null) from the queue, silence when it is dry. */
    synchronized void take(short[] out) {
        take(out, out.length);
    }

    synchronized void take(short[] out, int count) {
        if (!playing && size >= 2 * count) {
            playing = true;
        }
        if (!playing || size < count) {
            playing = size >= count && playing;
            if (out != null) {
                Arrays.fill(out, 0, count, (short) 0);
            }
            return;
        }
        for (int i = 0; i < count; i++) {
            if (out != null) {
                out[i] = ring[read];
            }
            read = (read + 1) % ring.length;
        }
        size -= count;
    }
}
