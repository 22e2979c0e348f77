package org.deskphone.net.time;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tinylog.Logger;

/**
 * The time zone as the settings give it, and how it combines with DHCP and the system's zone into the
 * {@link LocalZone} the phone shows time in. Precedence:
 * <ol>
 * <li>DHCP, when Yealink's {@code local_time.dhcp_time} asks for it and the configured zone is 0
 * (L7888-7895);</li>
 * <li>the configured zone: with summer time off, its fixed offset; by hand, the {@link DstRule}; automatic,
 * the tz-database rules of the configured location (ALE {@code SettingTimeZoneLocation}, Yealink
 * {@code local_time.time_zone_name}), else the fixed offset;</li>
 * <li>DHCP: option 101 (tz-database name), option 100 (POSIX string, {@link PosixTimeZone}), option 2
 * (offset in seconds);</li>
 * <li>the operating system's zone.</li>
 * </ol>
 *
 * @param offset    the configured standard offset; empty when no zone is configured
 * @param dst       the summer time mode
 * @param location  the configured location, for automatic summer time
 * @param rule      the hand-set rule, for {@link DstMode#MANUAL}
 * @param dhcpFirst whether DHCP's zone comes before the configured one
 */
public record ZoneSetting(Optional<ZoneOffset> offset, DstMode dst, Optional<String> location, Optional<DstRule> rule,
        boolean dhcpFirst) {

    public enum DstMode { OFF, MANUAL, AUTOMATIC }

    /** Nothing configured: DHCP's zone, else the system's. */
    public static final ZoneSetting NONE = new ZoneSetting(Optional.empty(), DstMode.OFF, Optional.empty(),
            Optional.empty(), false);

    public ZoneSetting {
        Objects.requireNonNull(offset, "offset");
        Objects.requireNonNull(dst, "dst");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(rule, "rule");
    }

    /** What DHCP said about the zone. */
    public record FromDhcp(Optional<String> tzName, Optional<String> posix, Optional<Integer> offsetSeconds) {
        public static final FromDhcp NONE = new FromDhcp(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The zone to show time in. */
    public LocalZone resolve(FromDhcp dhcp, ZoneId system) {
        if (dhcpFirst && offset.map(o -> o.getTotalSeconds() == 0).orElse(true)) {
            Optional<LocalZone> fromDhcp = fromDhcp(dhcp);
            if (fromDhcp.isPresent()) {
                return fromDhcp.get();
            }
        }
        Optional<LocalZone> configured = configured();
        if (configured.isPresent()) {
            return configured.get();
        }
        return fromDhcp(dhcp).orElseGet(() -> new LocalZone(system.getRules(), "system zone " + system.getId()));
    }

    private Optional<LocalZone> configured() {
        if (dst == DstMode.AUTOMATIC && location.isPresent()) {
            Optional<ZoneId> zone = locationZone(location.get());
            if (zone.isPresent()) {
                return Optional.of(new LocalZone(zone.get().getRules(), "location " + location.get() + " (" + zone.get() + ")"));
            }
            Optional<ZoneOffset> fixed = offset.or(() -> TimeZoneTable.manual().offset(location.get()));
            if (fixed.isPresent()) {
                Logger.info("time zone location '{}' is not in the tz database: using {} without summer time",
                        location.get(), fixed.get());
                return Optional.of(new LocalZone(ZoneRules.of(fixed.get()), "offset " + fixed.get()));
            }
        }
        if (offset.isEmpty()) {
            return Optional.empty();
        }
        if (dst == DstMode.MANUAL && rule.isPresent()) {
            return Optional.of(new LocalZone(rule.get().rules(offset.get()), "offset " + offset.get() + " with summer time set by hand"));
        }
        return Optional.of(new LocalZone(ZoneRules.of(offset.get()), "offset " + offset.get()));
    }

    private static Optional<LocalZone> fromDhcp(FromDhcp dhcp) {
        if (dhcp.tzName().isPresent()) {
            try {
                ZoneId zone = ZoneId.of(dhcp.tzName().get());
                return Optional.of(new LocalZone(zone.getRules(), "DHCP option 101 " + zone.getId()));
            } catch (java.time.DateTimeException e) {
                Logger.warn("DHCP option 101 '{}' is not a tz-database zone; ignored", dhcp.tzName().get());
            }
        }
        if (dhcp.posix().isPresent()) {
            try {
                PosixTimeZone zone = PosixTimeZone.parse(dhcp.posix().get());
                return Optional.of(new LocalZone(zone.rules(), "DHCP option 100 " + zone));
            } catch (IllegalArgumentException e) {
                Logger.warn("DHCP option 100 ignored: {}", e.getMessage());
            }
        }
        if (dhcp.offsetSeconds().isPresent()) {
            int seconds = dhcp.offsetSeconds().get();
            if (Math.abs(seconds) <= 18 * 3600) {
                ZoneOffset fixed = ZoneOffset.ofTotalSeconds(seconds);
                return Optional.of(new LocalZone(ZoneRules.of(fixed), "DHCP option 2 " + fixed));
            }
            Logger.warn("DHCP option 2 offset {} s is out of range; ignored", seconds);
        }
        return Optional.empty();
    }

    /**
     * A location as either manual writes it: ALE's tz-database city ({@code Los_Angeles}), or Yealink's
     * display name, whose city is in brackets or last ({@code United Kingdom(London)}).
     */
    static Optional<ZoneId> locationZone(String location) {
        List<String> tries = new ArrayList<>();
        tries.add(location);
        int open = location.indexOf('(');
        int close = location.lastIndexOf(')');
        if (open >= 0 && close > open) {
            tries.add(location.substring(open + 1, close));
            tries.add(location.substring(0, open));
        }
        String[] words = location.split("[\\s,-]+");
        if (words.length > 1) {
            tries.add(words[words.length - 1]);
        }
        for (String candidate : tries) {
            Optional<ZoneId> zone = TimeZoneTable.zone(candidate.trim());
            if (zone.isPresent()) {
                return zone;
            }
        }
        return Optional.empty();
    }
}
