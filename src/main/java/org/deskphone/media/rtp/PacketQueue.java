package org.deskphone.media.rtp;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The hand-over from a socket's receive thread to the media thread: a single-producer single-consumer ring
 * of preallocated packet buffers. No locks; a full ring drops the newest packet (counted), which is what a
 * sound card that stalled would want anyway.
 */
public final class PacketQueue {
    private final byte[][] data;
    private final int[] lengths;
    private final long[] arrivals;
    private final int mask;
    private final AtomicLong head = new AtomicLong(); // next to consume
    private final AtomicLong tail = new AtomicLong(); // next to fill
    private volatile long overflows;

    public PacketQueue(int slots, int maxPacket) {
        int size = Integer.highestOneBit(Math.max(2, slots - 1)) << 1;
        data = new byte[size][maxPacket];
        lengths = new int[size];
        arrivals = new long[size];
        mask = size - 1;
    }

    /** Producer: the slot to fill next (its buffer is {@link #data(int)}), or -1 when the ring is full. */
    public int claim() {
        long t = tail.get();
        if (t - head.get() > mask) {
            overflows++;
            return -1;
        }
        return (int) (t & mask);
    }

    public int slots() {
        return mask + 1;
    }

    /** Producer: hands over the claimed buffer with its length and arrival time. */
    public void publish(int length, long arrival) {
        long t = tail.get();
        int slot = (int) (t & mask);
        lengths[slot] = length;
        arrivals[slot] = arrival;
        tail.lazySet(t + 1);
    }

    /** Consumer: the slot of the oldest packet, or -1 when empty. */
    public int peek() {
        long h = head.get();
        return h == tail.get() ? -1 : (int) (h & mask);
    }

    public byte[] data(int slot) {
        return data[slot];
    }

    public int length(int slot) {
        return lengths[slot];
    }

    public long arrival(int slot) {
        return arrivals[slot];
    }

    /** Consumer: done with the oldest packet. */
    public void release() {
        head.lazySet(head.get() + 1);
    }

    public long overflows() {
        return overflows;
    }
}
