package org.deskphone.media.srtp;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * HMAC-SHA1 (RFC 2104) over the JDK's SHA-1, which is intrinsic on x86 and ARMv8. Written out because
 * {@code javax.crypto.Mac.doFinal} allocates its result on every call; this one writes into the caller's
 * array and allocates nothing after construction.
 */
final class HmacSha1 {
    static final int LENGTH = 20;
    private final MessageDigest inner;
    private final MessageDigest outer;
    private final byte[] innerPad = new byte[64];
    private final byte[] outerPad = new byte[64];
    private final byte[] innerHash = new byte[LENGTH];

    HmacSha1(byte[] key) {
        try {
            inner = MessageDigest.getInstance("SHA-1");
            outer = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e);
        }
        byte[] k = key.length > 64 ? inner.digest(key) : key;
        Arrays.fill(innerPad, (byte) 0x36);
        Arrays.fill(outerPad, (byte) 0x5c);
        for (int i = 0; i < k.length; i++) {
            innerPad[i] ^= k[i];
            outerPad[i] ^= k[i];
        }
        inner.reset();
        inner.update(innerPad);
        // One throw-away MAC now: the JDK's SHA-1 allocates its message schedule on a digest's first block
        // when it runs without the intrinsic, which must not happen later on the media thread.
        doFinal(innerHash, 0);
    }

    void update(byte[] data, int offset, int length) {
        inner.update(data, offset, length);
    }

    /** Finishes the MAC into {@code out} (20 bytes from {@code offset}) and starts the next one. */
    void doFinal(byte[] out, int offset) {
        try {
            inner.digest(innerHash, 0, LENGTH);
            outer.update(outerPad);
            outer.update(innerHash);
            outer.digest(out, offset, LENGTH);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-1 failed: " + e.getMessage(), e);
        }
        inner.update(innerPad);
    }
}
