package org.deskphone.sip;

import java.util.Locale;

/** A SIP transport the phone can listen and send on. */
public enum Transport {
    UDP(5060), TCP(5060), TLS(5061);

    private final int defaultPort;

    Transport(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    /** 5060, or 5061 for TLS (RFC 3261 §19.1.2). */
    public int defaultPort() {
        return defaultPort;
    }

    /** The name jain-sip and the {@code transport} URI parameter use: {@code udp}, {@code tcp}, {@code tls}. */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean reliable() {
        return this != UDP;
    }

    public static Transport fromToken(String token) {
        return valueOf(token.trim().toUpperCase(Locale.ROOT));
    }
}
