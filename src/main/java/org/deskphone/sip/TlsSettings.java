package org.deskphone.sip;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * TLS for SIP. jain-sip's own defaults stop at TLS 1.2 with an old cipher, so protocols and suites are
 * always set here. ALE {@code SIPTlsVersion} (seed L3374): 0 all, 1 TLS 1.0, 2 TLS 1.2; the phone offers
 * TLS 1.2 and 1.3 for "all" because the JDK disables 1.0 and 1.1. {@code SIPTlsPeerVerify} (seed L3389,
 * default false) and Yealink {@code security.trust_certificates} (seed L5279) decide whether the server's
 * certificate must chain to a trusted one.
 *
 * @param trustedCertificates PEM or DER files of extra trusted CAs, besides the JDK's
 * @param deviceCertificate   where the phone keeps its own certificate (PKCS#12, made on first start); empty:
 *                            a new one in memory at every start
 */
public record TlsSettings(List<String> protocols, List<String> cipherSuites, boolean verifyServer,
        List<Path> trustedCertificates, Optional<Path> deviceCertificate) {

    /** Modern suites in the order of the ALE manual's list (seed L3175-3235), those the JDK carries. */
    public static final List<String> DEFAULT_SUITES = List.of(
            "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256");

    public static final TlsSettings DEFAULTS = new TlsSettings(List.of("TLSv1.3", "TLSv1.2"), DEFAULT_SUITES, false,
            List.of(), Optional.empty());

    public TlsSettings {
        protocols = List.copyOf(protocols);
        cipherSuites = List.copyOf(cipherSuites);
        trustedCertificates = List.copyOf(trustedCertificates);
        Objects.requireNonNull(deviceCertificate, "deviceCertificate");
        if (protocols.isEmpty()) {
            throw new IllegalArgumentException("no TLS protocol enabled");
        }
    }

    /** ALE {@code SIPTlsVersion}: 0 all (1.2 and 1.3 here), 1 TLS 1.0 (refused by the JDK, so 1.2), 2 TLS 1.2. */
    public static List<String> protocolsForAleVersion(int code) {
        return switch (code) {
            case 0 -> List.of("TLSv1.3", "TLSv1.2");
            case 1, 2 -> List.of("TLSv1.2");
            default -> throw new IllegalArgumentException("SIP TLS version must be 0, 1 or 2, not " + code);
        };
    }

    public TlsSettings verifying(boolean verify, List<Path> trusted) {
        return new TlsSettings(protocols, cipherSuites, verify, trusted, deviceCertificate);
    }
}
