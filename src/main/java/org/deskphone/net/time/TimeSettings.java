package org.deskphone.net.time;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where the phone's time comes from and how it is shown: the method (ALE {@code SettingTimeMethod}:
 * SNTP, the SIP server's {@code Date} header, or set by hand; L11046-11056), the SNTP servers and refresh
 * period, the zone and the clock format. Built by {@code org.deskphone.net.NetConfiguration}.
 *
 * @param method            the time source
 * @param servers           SNTP servers (names or addresses), in order of preference
 * @param serversConfigured true when {@code servers} were set by the user or provisioning rather than
 *                          being the factory's
 * @param refresh           time between synchronisations; zero to synchronise once
 * @param zone              the time zone
 * @param format            how time and date are written
 */
public record TimeSettings(Method method, List<String> servers, boolean serversConfigured, Duration refresh,
        ZoneSetting zone, ClockFormat format) {

    public enum Method { SNTP, SIP_SERVER, MANUAL }

    public TimeSettings {
        Objects.requireNonNull(method, "method");
        servers = List.copyOf(servers);
        if (refresh.isNegative()) {
            throw new IllegalArgumentException("SNTP refresh period cannot be negative");
        }
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(format, "format");
    }
}
