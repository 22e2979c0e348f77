package org.deskphone.media.srtp;

/**
 * The SRTP key derivation of RFC 3711 §4.3 with a key derivation rate of 0 (the SDES default): each session
 * key is the AES-CM keystream of the master key at IV = (master salt XOR label·2^48)·2^16.
 */
final class SrtpKdf {
    static final int RTP_ENCRYPTION = 0;
    static final int RTP_AUTHENTICATION = 1;
    static final int RTP_SALT = 2;
    static final int RTCP_ENCRYPTION = 3;
    static final int RTCP_AUTHENTICATION = 4;
    static final int RTCP_SALT = 5;

    private final AesCounterMode aes;
    private final byte[] salt;

    SrtpKdf(byte[] masterKey, byte[] masterSalt) {
        this.aes = new AesCounterMode(masterKey);
        this.salt = masterSalt.clone();
    }

    byte[] derive(int label, int length) {
        byte[] iv = new byte[16];
        System.arraycopy(salt, 0, iv, 0, 14);
        iv[7] ^= (byte) label;
        byte[] out = new byte[length];
        aes.keystream(iv, out, length);
        return out;
    }
}
