package org.deskphone.sip;

import java.util.Optional;

/**
 * How an account reaches its servers: one transport, or DNS NAPTR to choose it (RFC 3263). The values are
 * the manuals' codes: Yealink {@code account.X.transport} (seed L11682) and ALE
 * {@code AccountXServer1Transport} (seed L3357), 0 UDP, 1 TCP, 2 TLS, 3 DNS-NAPTR.
 */
public enum ServerTransport {
    UDP, TCP, TLS, DNS_NAPTR;

    /** The fixed transport, or empty for DNS-NAPTR. */
    public Optional<Transport> fixed() {
        return this == DNS_NAPTR ? Optional.empty() : Optional.of(Transport.valueOf(name()));
    }

    public static ServerTransport fromCode(int code) {
        ServerTransport[] all = values();
        if (code < 0 || code >= all.length) {
            throw new IllegalArgumentException("transport must be 0 (UDP), 1 (TCP), 2 (TLS) or 3 (DNS-NAPTR), not " + code);
        }
        return all[code];
    }
}
