package org.deskphone.media.srtp;

import java.util.Optional;

/**
 * The SDES crypto suites the ALE manual lists (seed L3494, {@code SIPAesKeyPriority} codes 0-3): AES counter
 * mode with a 128- or 256-bit key (RFC 3711, RFC 6188) and HMAC-SHA1 with an 80- or 32-bit RTP tag. SRTCP
 * always carries the 80-bit tag (RFC 4568 §6.2). F8 (in the manual's offer example) is not offered.
 */
public enum SrtpSuite {
    AES_CM_128_HMAC_SHA1_80(0, 16, 10),
    AES_CM_128_HMAC_SHA1_32(1, 16, 4),
    AES_256_CM_HMAC_SHA1_80(2, 32, 10),
    AES_256_CM_HMAC_SHA1_32(3, 32, 4);

    /** Salt, session salt and SRTCP tag lengths common to all four suites. */
    public static final int SALT_LENGTH = 14;
    public static final int AUTH_KEY_LENGTH = 20;
    public static final int RTCP_TAG_LENGTH = 10;

    private final int manualCode;
    private final int keyLength;
    private final int rtpTagLength;

    SrtpSuite(int manualCode, int keyLength, int rtpTagLength) {
        this.manualCode = manualCode;
        this.keyLength = keyLength;
        this.rtpTagLength = rtpTagLength;
    }

    /** The code in {@code SIPAesKeyPriority}. */
    public int manualCode() {
        return manualCode;
    }

    public int keyLength() {
        return keyLength;
    }

    public int rtpTagLength() {
        return rtpTagLength;
    }

    /** The name in {@code a=crypto}. */
    public String sdesName() {
        return name();
    }

    public static Optional<SrtpSuite> fromSdesName(String name) {
        for (SrtpSuite suite : values()) {
            if (suite.name().equals(name)) {
                return Optional.of(suite);
            }
        }
        return Optional.empty();
    }

    public static Optional<SrtpSuite> fromManualCode(int code) {
        for (SrtpSuite suite : values()) {
            if (suite.manualCode == code) {
                return Optional.of(suite);
            }
        }
        return Optional.empty();
    }
}
