package org.deskphone.sip;

import java.util.Locale;
import java.util.Optional;

/**
 * The SDES crypto suites the ALE manual lists (seed L3423-3431, RFC 4568 and RFC 6188), with the length of
 * the master key plus salt carried in {@code inline:}. The order of the codes is {@code SIPAesKeyPriority}'s
 * (seed L3494): 0 AES_CM_128_HMAC_SHA1_80, 1 AES_CM_128_HMAC_SHA1_32, 2 AES_256_CM_HMAC_SHA1_80,
 * 3 AES_256_CM_HMAC_SHA1_32.
 */
public enum SrtpSuite {
    AES_CM_128_HMAC_SHA1_80(16),
    AES_CM_128_HMAC_SHA1_32(16),
    AES_256_CM_HMAC_SHA1_80(32),
    AES_256_CM_HMAC_SHA1_32(32);

    /** The session salt is 112 bits for all four suites. */
    public static final int SALT_BYTES = 14;
    private final int keyBytes;

    SrtpSuite(int keyBytes) {
        this.keyBytes = keyBytes;
    }

    public int keyBytes() {
        return keyBytes;
    }

    /** Master key plus master salt, the length of the decoded {@code inline:} value. */
    public int keyAndSaltBytes() {
        return keyBytes + SALT_BYTES;
    }

    public static SrtpSuite fromCode(int code) {
        SrtpSuite[] all = values();
        if (code < 0 || code >= all.length) {
            throw new IllegalArgumentException("SRTP suite code must be 0-3, not " + code);
        }
        return all[code];
    }

    /** Suite names are case-insensitive in practice (several phones send them in lower case). */
    public static Optional<SrtpSuite> fromName(String name) {
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
