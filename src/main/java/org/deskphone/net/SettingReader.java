package org.deskphone.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deskphone.config.Config;
import org.deskphone.config.Source;

/**
 * The network's settings as {@link NetConfiguration} reads them from the configuration. The network picks its
 * defaults by which manual's parameters were set, so a parameter left at its factory default reads as not set
 * (empty, or the caller's fallback), and a blank one too. A value that is set was checked by the store against
 * the catalogue's type and range, so flags and numbers are the store's typed reads; what the catalogue cannot
 * check (an address's family, a mask, a zone offset) is checked here and named in {@link #problems}.
 */
final class SettingReader {
    private static final Pattern OFFSET = Pattern.compile("(?:UTC|GMT)?\\s*([+-]?)(\\d{1,2})(?::?(\\d{2}))?");

    private final Config config;
    final List<String> problems = new ArrayList<>();

    SettingReader(Config config) {
        this.config = config;
    }

    /** True when provisioning or a local change gave {@code name} a value that is not blank. */
    boolean isSet(String name) {
        return config.source(name).kind() != Source.Kind.FACTORY && !config.isBlank(name);
    }

    Optional<String> text(String name) {
        return isSet(name) ? Optional.of(config.string(name).trim()) : Optional.empty();
    }

    void problem(String what) {
        problems.add(what);
    }

    boolean flag(String name, boolean fallback) {
        return isSet(name) ? config.bool(name) : fallback;
    }

    int number(String name, int fallback) {
        return isSet(name) ? config.integer(name) : fallback;
    }

    OptionalInt optionalNumber(String name) {
        return isSet(name) ? OptionalInt.of(config.integer(name)) : OptionalInt.empty();
    }

    /** A list of DHCP options; the catalogue holds it to its range and length. */
    List<Integer> options(String name) {
        return isSet(name) ? config.list(name).stream().map(String::trim).map(Integer::valueOf).toList() : List.of();
    }

    /** An address of {@code family}; the catalogue knows an address but not which family a setting wants. */
    Optional<InetAddress> address(String name, Class<? extends InetAddress> family) {
        Optional<String> value = text(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String text = value.get();
        boolean literal = family == Inet4Address.class ? text.matches("\\d{1,3}(\\.\\d{1,3}){3}") : text.contains(":");
        if (literal) {
            try {
                InetAddress address = InetAddress.getByName(text);
                if (family.isInstance(address)) {
                    // 0.0.0.0 and :: are the manuals' "not set" (ALE L86-276).
                    return address.isAnyLocalAddress() ? Optional.empty() : Optional.of(address);
                }
            } catch (UnknownHostException e) {
                // reported below
            }
        }
        problem(name + " = '" + text + "' is not an " + (family == Inet4Address.class ? "IPv4" : "IPv6") + " address");
        return Optional.empty();
    }

    /** The catalogue's months are {@code Jan} to {@code Dec}. */
    Month month(String name, Month fallback) {
        return text(name).map(value -> Month.values()[config.parameter(name).type().choices().indexOf(value)]).orElse(fallback);
    }

    /** The catalogue's weekdays are {@code Sun} to {@code Sat}. */
    DayOfWeek weekday(String name) {
        return text(name).map(value -> DayOfWeek.SUNDAY.plus(config.parameter(name).type().choices().indexOf(value)))
                .orElse(DayOfWeek.SUNDAY);
    }

    /** A dotted mask ({@code 255.255.255.0}) as a prefix length; the catalogue knows an address, not a mask. */
    Optional<Integer> prefixLength(String name) {
        Optional<String> value = text(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String mask = value.get();
        if (mask.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            long bits = 0;
            for (String part : mask.split("\\.")) {
                bits = bits << 8 | Integer.parseInt(part);
            }
            int prefix = Long.bitCount(bits);
            if (bits <= 0xffff_ffffL && bits == (0xffff_ffffL << (32 - prefix) & 0xffff_ffffL)) {
                return Optional.of(prefix);
            }
        }
        problem(name + " = '" + mask + "' is not a subnet mask");
        return Optional.empty();
    }

    /** A time-zone offset as the manuals write it ({@code +8}, {@code -3:30}, {@code +05:45}), -12:00 to +14:00. */
    Optional<ZoneOffset> offset(String name, String text) {
        Matcher m = OFFSET.matcher(text.trim());
        if (m.matches()) {
            int hours = Integer.parseInt(m.group(2));
            int minutes = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            int seconds = (hours * 60 + minutes) * 60 * (m.group(1).equals("-") ? -1 : 1);
            if (minutes < 60 && seconds >= -12 * 3600 && seconds <= 14 * 3600) {
                return Optional.of(ZoneOffset.ofTotalSeconds(seconds));
            }
        }
        problem(name + " = '" + text + "' is not an offset from -12:00 to +14:00");
        return Optional.empty();
    }
}
