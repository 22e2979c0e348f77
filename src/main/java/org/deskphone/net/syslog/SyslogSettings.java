package org.deskphone.net.syslog;

import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * Where the phone sends its log remotely (ALE {@code DeviceSyslogRemote*}, L14695-14750; Yealink
 * {@code syslog.server}, {@code syslog.log_level}, L3466-3487) and how much of it.
 *
 * @param enabled     whether to send at all
 * @param host        the server's name or address
 * @param port        its port (514 by default; 6514 is usual for TLS)
 * @param transport   UDP (RFC 5426), TCP (RFC 6587, octet counting) or TLS (RFC 5425)
 * @param maxSeverity the least important severity sent, RFC 5424 numbering (3 error ... 7 debug); -1 sends
 *                    nothing
 * @param facility    RFC 5424 facility (16, local0, by default)
 * @param hostname    the HOSTNAME field
 * @param tls         the TLS context for {@link Transport#TLS}; the JDK's default trust when empty
 */
public record SyslogSettings(boolean enabled, String host, int port, Transport transport, int maxSeverity, int facility,
        String hostname, Optional<SSLContext> tls) {

    public enum Transport { UDP, TCP, TLS }

    public static final int LOCAL0 = 16;
    public static final SyslogSettings OFF = new SyslogSettings(false, "", 514, Transport.UDP, 3, LOCAL0, "-",
            Optional.empty());

    public SyslogSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(tls, "tls");
        if (enabled && host.isBlank()) {
            throw new IllegalArgumentException("remote syslog is enabled without a server");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("syslog port must be 1-65535, not " + port);
        }
        if (maxSeverity < -1 || maxSeverity > 7) {
            throw new IllegalArgumentException("syslog severity must be -1 to 7, not " + maxSeverity);
        }
        if (facility < 0 || facility > 23) {
            throw new IllegalArgumentException("syslog facility must be 0-23, not " + facility);
        }
    }

    /**
     * Yealink's {@code syslog.log_level} (0-6: "0 nothing ... 6 all") as the least important severity
     * sent: 1-5 send that severity and above, 6 everything including debug.
     */
    public static int severityOfYealinkLevel(int level) {
        if (level < 0 || level > 6) {
            throw new IllegalArgumentException("syslog.log_level must be 0-6, not " + level);
        }
        return level == 0 ? -1 : level == 6 ? 7 : level;
    }

    public SyslogSettings withTls(SSLContext context) {
        return new SyslogSettings(enabled, host, port, transport, maxSeverity, facility, hostname, Optional.of(context));
    }

    @Override
    public String toString() {
        return enabled ? transport + " " + host + ":" + port + " up to severity " + maxSeverity : "off";
    }
}
