package org.deskphone.sip;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One of an account's two servers (registrar and proxy), with the outbound proxy bound to it (ALE seed
 * L5807-5811: requests with server 1's parameters go to outbound proxy 1, server 2's to proxy 2).
 *
 * @param retryCounts retransmissions before the server counts as not answering (Yealink
 *                    {@code account.X.sip_server.Y.retry_counts}, seed L11959, default 3)
 */
public record ServerSettings(HostPort address, Duration expires, int retryCounts, Optional<HostPort> outboundProxy) {

    public ServerSettings {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(outboundProxy, "outboundProxy");
        if (expires.isNegative() || expires.isZero()) {
            throw new IllegalArgumentException("registration expiry must be positive: " + expires);
        }
        if (retryCounts < 0 || retryCounts > 20) {
            throw new IllegalArgumentException("retry counts must be 0-20: " + retryCounts);
        }
    }

    public static ServerSettings of(String address) {
        return new ServerSettings(HostPort.parse(address, 5060), Duration.ofSeconds(3600), 3, Optional.empty());
    }

    public ServerSettings withExpires(Duration value) {
        return new ServerSettings(address, value, retryCounts, outboundProxy);
    }

    public ServerSettings withRetryCounts(int value) {
        return new ServerSettings(address, expires, value, outboundProxy);
    }

    public ServerSettings withOutboundProxy(HostPort proxy) {
        return new ServerSettings(address, expires, retryCounts, Optional.of(proxy));
    }
}
