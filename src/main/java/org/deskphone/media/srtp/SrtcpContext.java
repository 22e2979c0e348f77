package org.deskphone.media.srtp;

/**
 * SRTCP (RFC 3711 §3.4) for one direction: everything after the first 8 bytes of a compound RTCP packet is
 * encrypted, then the E flag with the 31-bit SRTCP index and an 80-bit HMAC-SHA1 tag are appended. One
 * thread owns a context; nothing is allocated per packet.
 */
public final class SrtcpContext {
    /** Bytes a protected packet grows by: E|index and the tag. */
    public static final int OVERHEAD = 4 + SrtpSuite.RTCP_TAG_LENGTH;

    private final AesCounterMode cipher;
    private final HmacSha1 mac;
    private final byte[] salt;
    private final byte[] iv = new byte[16];
    private final byte[] tag = new byte[HmacSha1.LENGTH];
    private final ReplayWindow replay = new ReplayWindow();
    private long sendIndex;

    public SrtcpContext(SdesKey key) {
        SrtpKdf kdf = new SrtpKdf(key.masterKey(), key.masterSalt());
        this.cipher = new AesCounterMode(kdf.derive(SrtpKdf.RTCP_ENCRYPTION, key.suite().keyLength()));
        this.mac = new HmacSha1(kdf.derive(SrtpKdf.RTCP_AUTHENTICATION, SrtpSuite.AUTH_KEY_LENGTH));
        this.salt = kdf.derive(SrtpKdf.RTCP_SALT, SrtpSuite.SALT_LENGTH);
    }

    /** Protects the compound RTCP packet in place; returns the new length, or {@link SrtpContext#MALFORMED}. */
    public int protect(byte[] packet, int offset, int length) {
        if (length < 8 || (packet[offset] & 0xc0) != 0x80) {
            return SrtpContext.MALFORMED;
        }
        sendIndex = (sendIndex + 1) & 0x7fffffffL;
        packetIv(SrtpContext.u32(packet, offset + 4), sendIndex);
        cipher.apply(iv, packet, offset + 8, length - 8);
        long eIndex = 0x80000000L | sendIndex;
        packet[offset + length] = (byte) (eIndex >>> 24);
        packet[offset + length + 1] = (byte) (eIndex >>> 16);
        packet[offset + length + 2] = (byte) (eIndex >>> 8);
        packet[offset + length + 3] = (byte) eIndex;
        mac.update(packet, offset, length + 4);
        mac.doFinal(tag, 0);
        System.arraycopy(tag, 0, packet, offset + length + 4, SrtpSuite.RTCP_TAG_LENGTH);
        return length + OVERHEAD;
    }

    /** Authenticates and decrypts in place; returns the RTCP length or a negative {@link SrtpContext} code. */
    public int unprotect(byte[] packet, int offset, int length) {
        int rtcpLength = length - OVERHEAD;
        if (rtcpLength < 8 || (packet[offset] & 0xc0) != 0x80) {
            return SrtpContext.MALFORMED;
        }
        long eIndex = SrtpContext.u32(packet, offset + rtcpLength);
        long index = eIndex & 0x7fffffffL;
        if (!replay.check(index)) {
            return SrtpContext.REPLAYED;
        }
        mac.update(packet, offset, rtcpLength + 4);
        mac.doFinal(tag, 0);
        int diff = 0;
        for (int i = 0; i < SrtpSuite.RTCP_TAG_LENGTH; i++) {
            diff |= tag[i] ^ packet[offset + rtcpLength + 4 + i];
        }
        if (diff != 0) {
            return SrtpContext.AUTHENTICATION_FAILED;
        }
        if ((eIndex & 0x80000000L) != 0) {
            packetIv(SrtpContext.u32(packet, offset + 4), index);
            cipher.apply(iv, packet, offset + 8, rtcpLength - 8);
        }
        replay.accept(index);
        return rtcpLength;
    }

    private void packetIv(long ssrc, long index) {
        System.arraycopy(salt, 0, iv, 0, 14);
        iv[14] = 0;
        iv[15] = 0;
        iv[4] ^= (byte) (ssrc >>> 24);
        iv[5] ^= (byte) (ssrc >>> 16);
        iv[6] ^= (byte) (ssrc >>> 8);
        iv[7] ^= (byte) ssrc;
        for (int i = 0; i < 6; i++) {
            iv[8 + i] ^= (byte) (index >>> (40 - 8 * i));
        }
    }
}
