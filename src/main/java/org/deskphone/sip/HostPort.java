package org.deskphone.sip;

import java.util.Objects;

/**
 * A server as configured: a host name or IP literal and a port, 0 meaning "find it in DNS" (ALE seed
 * L5933-5935). IPv6 literals are kept without brackets.
 */
public record HostPort(String host, int port) {

    public HostPort {
        Objects.requireNonNull(host, "host");
        host = host.trim();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("server address is empty");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, not " + port + " (for " + host + ")");
        }
    }

    /** Parses {@code host}, {@code host:port}, {@code [v6]:port} or a bare IPv6 literal. */
    public static HostPort parse(String text, int defaultPort) {
        String value = text.trim();
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unclosed '[' in server address '" + text + "'");
            }
            String host = value.substring(1, close);
            String rest = value.substring(close + 1);
            if (rest.isEmpty()) {
                return new HostPort(host, defaultPort);
            }
            if (!rest.startsWith(":")) {
                throw new IllegalArgumentException("unexpected '" + rest + "' after the address in '" + text + "'");
            }
            return new HostPort(host, port(rest.substring(1), text));
        }
        int colon = value.indexOf(':');
        if (colon >= 0 && value.indexOf(':', colon + 1) < 0) {
            return new HostPort(value.substring(0, colon), port(value.substring(colon + 1), text));
        }
        return new HostPort(value, defaultPort);
    }

    public boolean isIpv6Literal() {
        return host.indexOf(':') >= 0;
    }

    /** The host as it goes into a SIP URI: IPv6 literals in brackets. */
    public String uriHost() {
        return isIpv6Literal() ? "[" + host + "]" : host;
    }

    @Override
    public String toString() {
        return port == 0 ? uriHost() : uriHost() + ":" + port;
    }

    private static int port(String digits, String whole) {
        try {
            return Integer.parseInt(digits.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port '" + digits + "' in '" + whole + "' is not a number", e);
        }
    }
}
