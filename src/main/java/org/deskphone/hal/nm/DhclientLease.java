package org.deskphone.hal.nm;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deskphone.hal.DhcpLease;

/**
 * Reads an ISC dhclient lease file (the one NetworkManager keeps in {@code /var/lib/NetworkManager}, and
 * dhclient's own) back into raw option bytes: the last {@code lease} (or {@code lease6}) block wins, each
 * {@code option NAME VALUE;} line is turned back into what the server sent, by the way dhclient prints
 * that option's type. Options it cannot read back are left out.
 */
public final class DhclientLease {
    private static final Pattern OPTION = Pattern.compile("^\\s*option\\s+([A-Za-z0-9.-]+)\\s+(.*);\\s*$");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{1,2}(:[0-9a-fA-F]{1,2})*");

    /** How dhclient prints a known option. */
    private enum Kind { ADDRESSES, TEXT, INT32, DATA }

    private record Known(int code, Kind kind) {
    }

    private static final Map<String, Known> V4 = new HashMap<>();
    private static final Map<String, Known> V6 = new HashMap<>();

    static {
        V4.put("subnet-mask", new Known(1, Kind.ADDRESSES));
        V4.put("time-offset", new Known(2, Kind.INT32));
        V4.put("routers", new Known(3, Kind.ADDRESSES));
        V4.put("domain-name-servers", new Known(6, Kind.ADDRESSES));
        V4.put("host-name", new Known(12, Kind.TEXT));
        V4.put("domain-name", new Known(15, Kind.TEXT));
        V4.put("ntp-servers", new Known(42, Kind.ADDRESSES));
        V4.put("vendor-encapsulated-options", new Known(43, Kind.DATA));
        V4.put("vendor-class-identifier", new Known(60, Kind.DATA));
        V4.put("tftp-server-name", new Known(66, Kind.TEXT));
        V4.put("bootfile-name", new Known(67, Kind.TEXT));
        V4.put("pcode", new Known(100, Kind.TEXT));
        V4.put("tcode", new Known(101, Kind.TEXT));
        V6.put("dhcp6.vendor-opts", new Known(17, Kind.DATA));
        V6.put("dhcp6.name-servers", new Known(23, Kind.ADDRESSES));
        V6.put("dhcp6.sntp-servers", new Known(31, Kind.ADDRESSES));
        V6.put("dhcp6.bootfile-url", new Known(59, Kind.TEXT));
    }

    private DhclientLease() {
    }

    /** The options of the last lease in {@code text}; {@link DhcpLease#NONE} when it holds none. */
    public static DhcpLease parse(String text) {
        Map<Integer, byte[]> v4 = lastBlock(text, "lease", V4);
        Map<Integer, byte[]> v6 = lastBlock(text, "lease6", V6);
        return v4.isEmpty() && v6.isEmpty() ? DhcpLease.NONE : DhcpLease.of(v4, v6);
    }

    /** A DHCPv4 and a DHCPv6 lease file read together. */
    public static DhcpLease parse(String v4Text, String v6Text) {
        DhcpLease v4 = parse(v4Text);
        DhcpLease v6 = parse(v6Text);
        return v4.isEmpty() && v6.isEmpty() ? DhcpLease.NONE : DhcpLease.of(v4.options(), v6.options6());
    }

    private static Map<Integer, byte[]> lastBlock(String text, String keyword, Map<String, Known> known) {
        Map<Integer, byte[]> options = new TreeMap<>();
        Map<Integer, byte[]> block = null;
        int depth = 0;
        for (String line : text.split("\n")) {
            String trimmed = line.trim();
            if (depth == 0 && trimmed.matches(Pattern.quote(keyword) + "\\s*\\{")) {
                block = new TreeMap<>();
                depth = 1;
                continue;
            }
            if (block == null) {
                continue;
            }
            if (trimmed.endsWith("{")) {
                depth++;
            } else if (trimmed.equals("}")) {
                depth--;
                if (depth == 0) {
                    options = block;
                    block = null;
                }
                continue;
            }
            Matcher m = OPTION.matcher(line);
            if (m.matches()) {
                Optional<Known> option = code(m.group(1), known);
                if (option.isPresent()) {
                    Optional<byte[]> value = value(m.group(2).trim(), option.get().kind());
                    if (value.isPresent()) {
                        block.put(option.get().code(), value.get());
                    }
                }
            }
        }
        return options;
    }

    /** {@code deskphone-N} and {@code unknown-N} are options dhclient was told of only by number. */
    private static Optional<Known> code(String name, Map<String, Known> known) {
        Known k = known.get(name);
        if (k != null) {
            return Optional.of(k);
        }
        Matcher m = Pattern.compile("(?:deskphone|unknown|dhcp6\\.unknown)-(\\d{1,5})").matcher(name);
        if (m.matches()) {
            return Optional.of(new Known(Integer.parseInt(m.group(1)), Kind.DATA));
        }
        return Optional.empty();
    }

    static Optional<byte[]> value(String printed, Kind kind) {
        switch (kind) {
            case ADDRESSES -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                for (String part : printed.split("\\s*,\\s*")) {
                    try {
                        if (!part.matches("[0-9a-fA-F.:]+")) {
                            return Optional.empty();
                        }
                        out.writeBytes(InetAddress.getByName(part).getAddress());
                    } catch (UnknownHostException e) {
                        return Optional.empty();
                    }
                }
                return Optional.of(out.toByteArray());
            }
            case INT32 -> {
                try {
                    return Optional.of(ByteBuffer.allocate(4).putInt(Integer.parseInt(printed)).array());
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
            default -> {
                if (printed.startsWith("\"")) {
                    return unquote(printed);
                }
                if (kind == Kind.DATA && HEX.matcher(printed).matches()) {
                    String[] octets = printed.split(":");
                    byte[] bytes = new byte[octets.length];
                    for (int i = 0; i < octets.length; i++) {
                        bytes[i] = (byte) Integer.parseInt(octets[i], 16);
                    }
                    return Optional.of(bytes);
                }
                return Optional.empty();
            }
        }
    }

    /** A quoted string as dhclient prints it: {@code \"}, {@code \\} and octal {@code \ooo} escapes. */
    private static Optional<byte[]> unquote(String printed) {
        if (printed.length() < 2 || !printed.endsWith("\"")) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String inner = printed.substring(1, printed.length() - 1);
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c != '\\') {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            if (i + 1 >= inner.length()) {
                return Optional.empty();
            }
            if (inner.substring(i + 1, Math.min(i + 4, inner.length())).matches("[0-7]{3}")) {
                out.write(Integer.parseInt(inner.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.write(inner.charAt(i + 1));
                i++;
            }
        }
        return Optional.of(out.toByteArray());
    }
}
