package org.deskphone.sip.sdp;

import java.util.Base64;
import java.util.Optional;
import org.deskphone.sip.SrtpSuite;

/**
 * {@code a=crypto:<tag> <suite> inline:<key||salt>[|lifetime][|MKI:length] [session params]} (RFC 4568 §9.1),
 * for the suites this phone knows. Lines it cannot use (unknown suite, bad tag, key of the wrong length,
 * MKI, session parameters) parse to empty rather than failing the whole offer: another line may fit.
 */
public record CryptoAttribute(int tag, SrtpSuite suite, byte[] keyAndSalt) {

    public static Optional<CryptoAttribute> parse(String value) {
        String[] parts = value.trim().split("\\s+");
        if (parts.length != 3) {
            return Optional.empty(); // session parameters (UNENCRYPTED_SRTP, KDR, ...) are not supported
        }
        if (!parts[0].matches("[0-9]{1,9}")) {
            return Optional.empty();
        }
        Optional<SrtpSuite> suite = SrtpSuite.fromName(parts[1]);
        if (suite.isEmpty() || !parts[2].regionMatches(true, 0, "inline:", 0, 7)) {
            return Optional.empty();
        }
        String[] key = parts[2].substring(7).split("\\|");
        if (key.length > 2) {
            return Optional.empty(); // an MKI: every packet would carry it, which the media engine does not do
        }
        if (key.length == 2 && key[1].contains(":")) {
            return Optional.empty(); // the one optional field is an MKI (MKI:length), not a lifetime
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(key[0]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (decoded.length != suite.get().keyAndSaltBytes()) {
            return Optional.empty();
        }
        return Optional.of(new CryptoAttribute(Integer.parseInt(parts[0]), suite.get(), decoded));
    }

    public Attribute toAttribute() {
        return Attribute.of("crypto", tag + " " + suite.name() + " inline:" + Base64.getEncoder().encodeToString(keyAndSalt));
    }

    /** The tag as written, even when the rest of the line is unusable; for duplicate-tag checks. */
    static Optional<String> rawTag(String value) {
        String[] parts = value.trim().split("\\s+", 2);
        return parts.length == 0 || parts[0].isEmpty() ? Optional.empty() : Optional.of(parts[0]);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CryptoAttribute o && tag == o.tag && suite == o.suite && java.util.Arrays.equals(keyAndSalt, o.keyAndSalt);
    }

    @Override
    public int hashCode() {
        return tag * 31 + suite.hashCode();
    }

    @Override
    public String toString() {
        return "crypto " + tag + " " + suite;
    }
}
