package org.deskphone.media.rtp;

/**
 * Reading and writing the fixed RTP header of RFC 3550 §5.1 in place, in a caller's array. Static methods
 * over byte arrays so that the media path allocates nothing.
 */
public final class RtpPacket {
    public static final int HEADER = 12;

    private RtpPacket() {
    }

    /** Writes a version-2 header without CSRCs or extension; returns its length. */
    public static int writeHeader(byte[] b, int at, int payloadType, boolean marker, int sequence, long timestamp, long ssrc) {
        b[at] = (byte) 0x80;
        b[at + 1] = (byte) ((marker ? 0x80 : 0) | (payloadType & 0x7f));
        b[at + 2] = (byte) (sequence >>> 8);
        b[at + 3] = (byte) sequence;
        putInt(b, at + 4, timestamp);
        putInt(b, at + 8, ssrc);
        return HEADER;
    }

    /** The header length with CSRCs and extension, or -1 if this is not a well-formed RTP v2 packet. */
    public static int headerLength(byte[] b, int at, int length) {
        if (length < HEADER || (b[at] & 0xc0) != 0x80) {
            return -1;
        }
        int header = HEADER + 4 * (b[at] & 0x0f);
        if ((b[at] & 0x10) != 0) {
            if (length < header + 4) {
                return -1;
            }
            header += 4 + 4 * u16(b, at + header + 2);
        }
        return header <= length ? header : -1;
    }

    /** The payload length once padding (RFC 3550 §5.1, P bit) is removed, or -1 when the padding is bad. */
    public static int payloadLength(byte[] b, int at, int length, int header) {
        int payload = length - header;
        if ((b[at] & 0x20) != 0) {
            int padding = b[at + length - 1] & 0xff;
            if (padding == 0 || padding > payload) {
                return -1;
            }
            payload -= padding;
        }
        return payload;
    }

    public static int payloadType(byte[] b, int at) {
        return b[at + 1] & 0x7f;
    }

    public static boolean marker(byte[] b, int at) {
        return (b[at + 1] & 0x80) != 0;
    }

    public static int sequence(byte[] b, int at) {
        return u16(b, at + 2);
    }

    public static long timestamp(byte[] b, int at) {
        return u32(b, at + 4);
    }

    public static long ssrc(byte[] b, int at) {
        return u32(b, at + 8);
    }

    public static int u16(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
    }

    public static long u32(byte[] b, int at) {
        return ((long) (b[at] & 0xff) << 24) | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }

    public static void putInt(byte[] b, int at, long value) {
        b[at] = (byte) (value >>> 24);
        b[at + 1] = (byte) (value >>> 16);
        b[at + 2] = (byte) (value >>> 8);
        b[at + 3] = (byte) value;
    }

    /** Signed difference a - b of two 16-bit sequence numbers, in -32768..32767. */
    public static int sequenceDelta(int a, int b) {
        return (short) (a - b);
    }

    /** Signed difference a - b of two 32-bit timestamps. */
    public static long timestampDelta(long a, long b) {
        return (int) (a - b);
    }
}
