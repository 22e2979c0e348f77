package org.deskphone.media.srtp;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES in counter mode as SRTP uses it (RFC 3711 §4.1.1): the keystream is AES of IV, IV+1, ... in the low
 * 16 bits. Built on the JDK's AES/ECB (AES-NI or the ARMv8 crypto extensions where present) over a
 * preallocated block of counters, because re-initialising the JDK's CTR cipher with a new IV allocates on
 * every packet.
 */
final class AesCounterMode {
    static final int MAX_BYTES = 2048;
    private final Cipher ecb;
    private final byte[] counters = new byte[MAX_BYTES];
    private final byte[] keystream = new byte[MAX_BYTES];

    AesCounterMode(byte[] key) {
        try {
            ecb = Cipher.getInstance("AES/ECB/NoPadding");
            ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no AES: " + e.getMessage(), e);
        }
    }

    /** XORs {@code length} bytes of {@code data} from {@code offset} with the keystream that starts at {@code iv}. */
    void apply(byte[] iv, byte[] data, int offset, int length) {
        int blocks = (length + 15) >>> 4;
        if (blocks * 16 > MAX_BYTES) {
            throw new IllegalArgumentException("SRTP payload of " + length + " bytes is too long");
        }
        for (int b = 0; b < blocks; b++) {
            int at = b << 4;
            System.arraycopy(iv, 0, counters, at, 14);
            int counter = ((iv[14] & 0xff) << 8 | (iv[15] & 0xff)) + b;
            counters[at + 14] = (byte) (counter >>> 8);
            counters[at + 15] = (byte) counter;
        }
        try {
            ecb.update(counters, 0, blocks << 4, keystream, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES failed: " + e.getMessage(), e);
        }
        for (int i = 0; i < length; i++) {
            data[offset + i] ^= keystream[i];
        }
    }

    /** The first {@code length} bytes of keystream for {@code iv}, for key derivation and the tests. */
    void keystream(byte[] iv, byte[] out, int length) {
        java.util.Arrays.fill(out, 0, length, (byte) 0);
        apply(iv, out, 0, length);
    }
}
