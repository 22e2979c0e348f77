package org.deskphone.media.srtp;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * One direction's master key and salt from an SDES {@code a=crypto} attribute (RFC 4568):
 * {@code <tag> <suite> inline:<base64 key||salt>[|<lifetime>][|<mki>:<length>]}. A lifetime is accepted
 * and ignored (keys are never used near 2^31 packets in a call); an MKI is refused, since the phone
 * neither sends nor expects one. {@link #toString()} never shows the key.
 */
public final class SdesKey {
    private final SrtpSuite suite;
    private final byte[] masterKey;
    private final byte[] masterSalt;

    public SdesKey(SrtpSuite suite, byte[] masterKey, byte[] masterSalt) {
        this.suite = Objects.requireNonNull(suite, "suite");
        if (masterKey.length != suite.keyLength()) {
            throw new IllegalArgumentException(suite + " needs a " + suite.keyLength() + "-byte master key, not " + masterKey.length);
        }
        if (masterSalt.length != SrtpSuite.SALT_LENGTH) {
            throw new IllegalArgumentException("SRTP master salt must be 14 bytes, not " + masterSalt.length);
        }
        this.masterKey = masterKey.clone();
        this.masterSalt = masterSalt.clone();
    }

    /** A fresh random key for {@code suite}, for our own offer or answer. */
    public static SdesKey generate(SrtpSuite suite, SecureRandom random) {
        byte[] key = new byte[suite.keyLength()];
        byte[] salt = new byte[SrtpSuite.SALT_LENGTH];
        random.nextBytes(key);
        random.nextBytes(salt);
        return new SdesKey(suite, key, salt);
    }

    /**
     * Parses the suite and key parameter of an {@code a=crypto} value, such as
     * {@code 1 AES_CM_128_HMAC_SHA1_80 inline:NzFlNTUwZDk2OGVlOTc3YzNkYTkwZWVkMTM1YWFj}. The message of the
     * exception names what was wrong, without the key.
     */
    public static SdesKey parseCrypto(String attribute) {
        String[] fields = attribute.trim().split("\\s+");
        if (fields.length < 3) {
            throw new IllegalArgumentException("a=crypto needs a tag, a suite and a key parameter");
        }
        SrtpSuite suite = SrtpSuite.fromSdesName(fields[1])
                .orElseThrow(() -> new IllegalArgumentException("unsupported SRTP crypto suite " + fields[1]));
        String keyParam = fields[2];
        if (!keyParam.startsWith("inline:")) {
            throw new IllegalArgumentException("a=crypto key method must be inline");
        }
        String[] parts = keyParam.substring("inline:".length()).split("\\|");
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].contains(":")) {
                throw new IllegalArgumentException("a=crypto with an MKI is not supported");
            }
        }
        byte[] both;
        try {
            both = Base64.getDecoder().decode(parts[0]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a=crypto key is not valid base64");
        }
        int expected = suite.keyLength() + SrtpSuite.SALT_LENGTH;
        if (both.length != expected) {
            throw new IllegalArgumentException("a=crypto key for " + suite + " must be " + expected + " bytes, not " + both.length);
        }
        try {
            return new SdesKey(suite, Arrays.copyOf(both, suite.keyLength()), Arrays.copyOfRange(both, suite.keyLength(), expected));
        } finally {
            Arrays.fill(both, (byte) 0);
        }
    }

    /** The {@code a=crypto} value for this key with {@code tag}. */
    public String toCrypto(int tag) {
        byte[] both = new byte[masterKey.length + masterSalt.length];
        System.arraycopy(masterKey, 0, both, 0, masterKey.length);
        System.arraycopy(masterSalt, 0, both, masterKey.length, masterSalt.length);
        return tag + " " + suite.sdesName() + " inline:" + Base64.getEncoder().encodeToString(both);
    }

    public SrtpSuite suite() {
        return suite;
    }

    byte[] masterKey() {
        return masterKey.clone();
    }

    byte[] masterSalt() {
        return masterSalt.clone();
    }

    @Override
    public String toString() {
        return suite + " (key hidden)";
    }
}
