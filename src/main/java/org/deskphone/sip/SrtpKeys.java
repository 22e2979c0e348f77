package org.deskphone.sip;

import java.util.Arrays;
import java.util.Objects;

/**
 * The SDES outcome for one stream: the suite both sides agreed on, the key and salt this phone protects
 * with, and the peer's, which this phone unprotects with (RFC 4568 §6.1). {@link #toString()} shows no key.
 */
public final class SrtpKeys {
    private final SrtpSuite suite;
    private final byte[] localKeyAndSalt;
    private final byte[] remoteKeyAndSalt;

    public SrtpKeys(SrtpSuite suite, byte[] localKeyAndSalt, byte[] remoteKeyAndSalt) {
        this.suite = Objects.requireNonNull(suite);
        if (localKeyAndSalt.length != suite.keyAndSaltBytes() || remoteKeyAndSalt.length != suite.keyAndSaltBytes()) {
            throw new IllegalArgumentException(suite + " needs " + suite.keyAndSaltBytes() + " bytes of key and salt");
        }
        this.localKeyAndSalt = localKeyAndSalt.clone();
        this.remoteKeyAndSalt = remoteKeyAndSalt.clone();
    }

    public SrtpSuite suite() {
        return suite;
    }

    public byte[] localKeyAndSalt() {
        return localKeyAndSalt.clone();
    }

    public byte[] remoteKeyAndSalt() {
        return remoteKeyAndSalt.clone();
    }

    /** This phone's master key: the first {@link SrtpSuite#keyBytes()} of its key and salt. */
    public byte[] localKey() {
        return Arrays.copyOf(localKeyAndSalt, suite.keyBytes());
    }

    /** This phone's master salt: what follows the key. */
    public byte[] localSalt() {
        return Arrays.copyOfRange(localKeyAndSalt, suite.keyBytes(), localKeyAndSalt.length);
    }

    public byte[] remoteKey() {
        return Arrays.copyOf(remoteKeyAndSalt, suite.keyBytes());
    }

    public byte[] remoteSalt() {
        return Arrays.copyOfRange(remoteKeyAndSalt, suite.keyBytes(), remoteKeyAndSalt.length);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SrtpKeys o && suite == o.suite && Arrays.equals(localKeyAndSalt, o.localKeyAndSalt)
                && Arrays.equals(remoteKeyAndSalt, o.remoteKeyAndSalt);
    }

    @Override
    public int hashCode() {
        return suite.hashCode();
    }

    @Override
    public String toString() {
        return suite.name();
    }
}
