package org.deskphone.provision;

import java.time.Duration;

/**
 * Bounds on one request. {@code connect} is ALE's {@code DeviceNetworkConnectExpiredTime} (1-20 s, default
 * 10, L2235-2245): the connection must be up within it; {@code attempt} is
 * {@code DeviceProvisionAttemptExpiredTime} (1-300 s, default 20, L2252-2262): the whole download must be
 * done within it. {@code maxBytes} keeps a huge or endless file from filling the phone.
 */
public record FetchLimits(Duration connect, Duration attempt, long maxBytes, int maxRedirects) {
    public static final long CONFIG_MAX_BYTES = 4L << 20;
    public static final int MAX_REDIRECTS = 5;

    public FetchLimits {
        if (connect.isNegative() || connect.isZero() || attempt.isNegative() || attempt.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
    }

    public static FetchLimits defaults() {
        return new FetchLimits(Duration.ofSeconds(10), Duration.ofSeconds(20), CONFIG_MAX_BYTES, MAX_REDIRECTS);
    }

    public FetchLimits withMaxBytes(long bytes) {
        return new FetchLimits(connect, attempt, bytes, maxRedirects);
    }

    public FetchLimits withAttempt(Duration duration) {
        return new FetchLimits(connect, duration, maxBytes, maxRedirects);
    }
}
