package org.deskphone.media.srtp;

/**
 * SRTP (RFC 3711) for one direction of one RTP stream: AES-CM encryption of the payload and an HMAC-SHA1
 * tag over header, payload and rollover counter. A sending context keeps the rollover counter of our own
 * sequence numbers; a receiving context estimates the packet index (Appendix A), rejects replays
 * (§3.3.2) and forgets a sender when a new SSRC authenticates. Packets are transformed in place; the array
 * must have room for the tag. One thread owns a context (the media thread sends, the socket thread
 * receives); nothing is allocated per packet.
 */
public final class SrtpContext {
    public static final int AUTHENTICATION_FAILED = -1;
    public static final int REPLAYED = -2;
    public static final int MALFORMED = -3;

    private final AesCounterMode cipher;
    private final HmacSha1 mac;
    private final byte[] salt;
    private final int tagLength;
    private final byte[] iv = new byte[16];
    private final byte[] tag = new byte[HmacSha1.LENGTH];
    private final byte[] rocBytes = new byte[4];
    private final ReplayWindow replay = new ReplayWindow();

    private long sendRoc;
    private int lastSentSeq = -1;

    private long ssrc = -1;
    private long roc;
    private int highestSeq = -1;

    public SrtpContext(SdesKey key) {
        SrtpKdf kdf = new SrtpKdf(key.masterKey(), key.masterSalt());
        this.cipher = new AesCounterMode(kdf.derive(SrtpKdf.RTP_ENCRYPTION, key.suite().keyLength()));
        this.mac = new HmacSha1(kdf.derive(SrtpKdf.RTP_AUTHENTICATION, SrtpSuite.AUTH_KEY_LENGTH));
        this.salt = kdf.derive(SrtpKdf.RTP_SALT, SrtpSuite.SALT_LENGTH);
        this.tagLength = key.suite().rtpTagLength();
    }

    /** Bytes a protected packet grows by. */
    public int overhead() {
        return tagLength;
    }

    /** Protects the RTP packet in place; returns the new length, or {@link #MALFORMED}. */
    public int protect(byte[] packet, int offset, int length) {
        int header = headerLength(packet, offset, length);
        if (header < 0) {
            return MALFORMED;
        }
        int seq = u16(packet, offset + 2);
        if (lastSentSeq >= 0 && seq < lastSentSeq && lastSentSeq - seq > 0x8000) {
            sendRoc++;
        }
        lastSentSeq = seq;
        long index = (sendRoc << 16) | seq;
        packetIv(u32(packet, offset + 8), index);
        cipher.apply(iv, packet, offset + header, length - header);
        authenticate(packet, offset, length, sendRoc);
        System.arraycopy(tag, 0, packet, offset + length, tagLength);
        return length + tagLength;
    }

    /**
     * Authenticates and decrypts the SRTP packet in place; returns the RTP length, or
     * {@link #AUTHENTICATION_FAILED}, {@link #REPLAYED} or {@link #MALFORMED}.
     */
    public int unprotect(byte[] packet, int offset, int length) {
        int rtpLength = length - tagLength;
        int header = headerLength(packet, offset, rtpLength);
        if (header < 0) {
            return MALFORMED;
        }
        int seq = u16(packet, offset + 2);
        long packetSsrc = u32(packet, offset + 8);
        boolean newSender = packetSsrc != ssrc;
        long guess = newSender ? 0 : estimateRoc(seq);
        long index = (guess << 16) | seq;
        if (!newSender && !replay.check(index)) {
            return REPLAYED;
        }
        authenticate(packet, offset, rtpLength, guess);
        int diff = 0;
        for (int i = 0; i < tagLength; i++) {
            diff |= tag[i] ^ packet[offset + rtpLength + i];
        }
        if (diff != 0) {
            return AUTHENTICATION_FAILED;
        }
        if (newSender) {
            ssrc = packetSsrc;
            replay.reset();
            roc = 0;
            highestSeq = -1;
        }
        packetIv(packetSsrc, index);
        cipher.apply(iv, packet, offset + header, rtpLength - header);
        replay.accept(index);
        if (highestSeq < 0 || index > ((roc << 16) | highestSeq)) {
            roc = guess;
            highestSeq = seq;
        }
        return rtpLength;
    }

    private long estimateRoc(int seq) {
        if (highestSeq < 0) {
            return roc;
        }
        if (highestSeq < 0x8000) {
            return seq - highestSeq > 0x8000 ? Math.max(0, roc - 1) : roc;
        }
        return highestSeq - 0x8000 > seq ? roc + 1 : roc;
    }

    private void authenticate(byte[] packet, int offset, int length, long rolloverCounter) {
        rocBytes[0] = (byte) (rolloverCounter >>> 24);
        rocBytes[1] = (byte) (rolloverCounter >>> 16);
        rocBytes[2] = (byte) (rolloverCounter >>> 8);
        rocBytes[3] = (byte) rolloverCounter;
        mac.update(packet, offset, length);
        mac.update(rocBytes, 0, 4);
        mac.doFinal(tag, 0);
    }

    /** IV = (salt·2^16) XOR (SSRC·2^64) XOR (index·2^16), RFC 3711 §4.1.1. */
    private void packetIv(long packetSsrc, long index) {
        System.arraycopy(salt, 0, iv, 0, 14);
        iv[14] = 0;
        iv[15] = 0;
        iv[4] ^= (byte) (packetSsrc >>> 24);
        iv[5] ^= (byte) (packetSsrc >>> 16);
        iv[6] ^= (byte) (packetSsrc >>> 8);
        iv[7] ^= (byte) packetSsrc;
        for (int i = 0; i < 6; i++) {
            iv[8 + i] ^= (byte) (index >>> (40 - 8 * i));
        }
    }

    /** The RTP header length including CSRCs and extension, or -1 when the packet is too short or not RTP v2. */
    static int headerLength(byte[] packet, int offset, int length) {
        if (length < 12 || (packet[offset] & 0xc0) != 0x80) {
            return -1;
        }
        int header = 12 + 4 * (packet[offset] & 0x0f);
        if ((packet[offset] & 0x10) != 0) {
            if (length < header + 4) {
                return -1;
            }
            header += 4 + 4 * u16(packet, offset + header + 2);
        }
        return header <= length ? header : -1;
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
    }

    static long u32(byte[] b, int at) {
        return ((long) (b[at] & 0xff) << 24) | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }
}
