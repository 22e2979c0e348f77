package org.deskphone.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Typed reads of the network's settings that remember what was wrong with them, for {@link NetConfiguration}. */
final class SettingReader {
    private static final Pattern OFFSET = Pattern.compile("(?:UTC|GMT)?\\s*([+-]?)(\\d{1,2})(?::?(\\d{2}))?");

    private final SettingLookup get;
    final List<String> problems = new ArrayList<>();

    SettingReader(SettingLookup get) {
        this.get = get;
    }

    Optional<String> text(String name) {
        return get.get(name).map(String::trim).filter(v -> !v.isEmpty());
    }

    void problem(String what) {
        problems.add(what);
    }

    boolean flag(String name, boolean fallback) {
        Optional<String> value = text(name);
        if (value.isEmpty()) {
            return fallback;
        }
        switch (value.get().toLowerCase(Locale.ROOT)) {
            case "1": case "true": case "on": case "yes": case "enable": case "enabled":
                return true;
            case "0": case "false": case "off": case "no": case "disable": case "disabled":
                return false;
            default:
                problem(name + " = '" + value.get() + "' is not a switch; using " + (fallback ? 1 : 0));
                return fallback;
        }
    }

    int number(String name, int low, int high, int fallback) {
        Optional<String> value = text(name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.get());
            if (number >= low && number <= high) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(name + " = '" + value.get() + "' is not a whole number from " + low + " to " + high + "; using " + fallback);
        return fallback;
    }

    OptionalInt optionalNumber(String name, int low, int high) {
        if (text(name).isEmpty()) {
            return OptionalInt.empty();
        }
        int number = number(name, low, high, Integer.MIN_VALUE);
        return number == Integer.MIN_VALUE ? OptionalInt.empty() : OptionalInt.of(number);
    }

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
            } catch (java.net.UnknownHostException e) {
                // reported below
            }
        }
        problem(name + " = '" + text + "' is not an " + (family == Inet4Address.class ? "IPv4" : "IPv6") + " address");
        return Optional.empty();
    }

    List<Integer> options(String name, int low, int high, int most) {
        List<Integer> options = new ArrayList<>();
        for (String part : text(name).orElse("").split("[,;\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            try {
                int option = Integer.parseInt(part);
                if (option >= low && option <= high && options.size() < most) {
                    options.add(option);
                    continue;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problem(name + ": '" + part + "' is not a DHCP option from " + low + " to " + high
                    + (options.size() >= most ? " (at most " + most + ")" : "") + "; skipped");
        }
        return options;
    }

    Month month(String name, Month fallback) {
        Optional<String> value = text(name);
        if (value.isEmpty()) {
            return fallback;
        }
        for (Month month : Month.values()) {
            if (month.name().substring(0, 3).equalsIgnoreCase(value.get().trim())
                    || month.name().equalsIgnoreCase(value.get().trim())) {
                return month;
            }
        }
        problem(name + " = '" + value.get() + "' is not a month (Jan-Dec); using " + fallback);
        return fallback;
    }

    DayOfWeek weekday(String name) {
        Optional<String> value = text(name);
        if (value.isEmpty()) {
            return DayOfWeek.SUNDAY;
        }
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().substring(0, 3).equalsIgnoreCase(value.get().trim())
                    || day.name().equalsIgnoreCase(value.get().trim())) {
                return day;
            }
        }
        problem(name + " = '" + value.get() + "' is not a weekday (Sun-Sat); using Sun");
        return DayOfWeek.SUNDAY;
    }

    /** A dotted mask ({@code 255.255.255.0}) or a prefix length ({@code 24}) as a prefix length. */
    Optional<Integer> prefixLength(String name) {
        Optional<String> value = text(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String mask = value.get();
        if (mask.matches("\\d{1,2}") && Integer.parseInt(mask) <= 32) {
            return Optional.of(Integer.parseInt(mask));
        }
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
