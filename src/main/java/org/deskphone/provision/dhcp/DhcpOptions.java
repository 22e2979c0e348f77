package org.deskphone.provision.dhcp;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The DHCPv4 options a phone got, however it got them (its DHCPINFORM, the OS lease), decoded the way the
 * manuals use them: 66 and 67 (TFTP server, boot file), 43 (vendor specific: ALE's sub-options 66 and 67,
 * or Yealink's plain string), 60 (the vendor class the phone sends) and the custom options 128-254 (Yealink
 * L1388-1417, ALE L299-325 and L2438-2489). Immutable.
 */
public final class DhcpOptions {
    public static final int SUBNET_MASK = 1;
    public static final int HOST_NAME = 12;
    public static final int VENDOR_SPECIFIC = 43;
    public static final int MESSAGE_TYPE = 53;
    public static final int SERVER_ID = 54;
    public static final int PARAMETER_REQUEST_LIST = 55;
    public static final int VENDOR_CLASS = 60;
    public static final int CLIENT_ID = 61;
    public static final int TFTP_SERVER = 66;
    public static final int BOOTFILE = 67;
    public static final int FIRST_CUSTOM = 128;
    public static final int LAST_CUSTOM = 254;
    public static final DhcpOptions NONE = new DhcpOptions(Map.of());

    private final Map<Integer, byte[]> options;

    private DhcpOptions(Map<Integer, byte[]> options) {
        this.options = options;
    }

    /** Options by code; values are copied. */
    public static DhcpOptions of(Map<Integer, byte[]> options) {
        Map<Integer, byte[]> copy = new LinkedHashMap<>();
        options.forEach((code, value) -> {
            if (code < 1 || code > 254) {
                throw new IllegalArgumentException("DHCP option code " + code + " is outside 1-254");
            }
            copy.put(code, value.clone());
        });
        return new DhcpOptions(Collections.unmodifiableMap(copy));
    }

    /** Options given as text, for tests and for leases that store them so. */
    public static DhcpOptions ofText(Map<Integer, String> options) {
        Map<Integer, byte[]> bytes = new LinkedHashMap<>();
        options.forEach((code, value) -> bytes.put(code, value.getBytes(StandardCharsets.UTF_8)));
        return of(bytes);
    }

    public Set<Integer> codes() {
        return options.keySet();
    }

    public boolean isEmpty() {
        return options.isEmpty();
    }

    public Optional<byte[]> raw(int code) {
        byte[] value = options.get(code);
        return value == null ? Optional.empty() : Optional.of(value.clone());
    }

    /**
     * An option as text: a string option without its trailing NULs, or, for a four-byte value that is not
     * printable (Yealink's "IP Address" option type, L1912-1916), the address in dotted form. Empty when
     * absent or blank.
     */
    public Optional<String> text(int code) {
        byte[] value = options.get(code);
        return value == null ? Optional.empty() : text(value);
    }

    /**
     * Option 43 read as ALE's encapsulated sub-options (code, length, value; ALE L299-325), or an empty map
     * when it is not a well-formed list of them.
     */
    public Map<Integer, byte[]> vendorSubOptions() {
        byte[] value = options.get(VENDOR_SPECIFIC);
        return value == null ? Map.of() : subOptions(value);
    }

    /** Sub-option {@code code} of option 43 as text. */
    public Optional<String> vendorSubOption(int code) {
        byte[] value = vendorSubOptions().get(code);
        return value == null ? Optional.empty() : text(value);
    }

    /**
     * Option 43 as one string (Yealink reads it so), when it is printable text and not ALE sub-options
     * carrying 66 or 67.
     */
    public Optional<String> vendorText() {
        byte[] value = options.get(VENDOR_SPECIFIC);
        if (value == null) {
            return Optional.empty();
        }
        Map<Integer, byte[]> subs = subOptions(value);
        if (subs.containsKey(TFTP_SERVER) || subs.containsKey(BOOTFILE)) {
            return Optional.empty();
        }
        return printable(value) ? text(value) : Optional.empty();
    }

    /** Parses a code-length-value list; pad (0) is skipped, end (255) stops. Empty map when malformed. */
    static Map<Integer, byte[]> subOptions(byte[] value) {
        Map<Integer, byte[]> subs = new LinkedHashMap<>();
        int i = 0;
        while (i < value.length) {
            int code = value[i] & 0xff;
            if (code == 0) {
                i++;
                continue;
            }
            if (code == 255) {
                break;
            }
            if (i + 1 >= value.length) {
                return Map.of();
            }
            int length = value[i + 1] & 0xff;
            if (i + 2 + length > value.length) {
                return Map.of();
            }
            byte[] sub = new byte[length];
            System.arraycopy(value, i + 2, sub, 0, length);
            subs.merge(code, sub, DhcpOptions::concat);
            i += 2 + length;
        }
        return Collections.unmodifiableMap(subs);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = new byte[a.length + b.length];
        System.arraycopy(a, 0, joined, 0, a.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    private static Optional<String> text(byte[] value) {
        if (value.length == 4 && !printable(value)) {
            return Optional.of((value[0] & 0xff) + "." + (value[1] & 0xff) + "." + (value[2] & 0xff) + "." + (value[3] & 0xff));
        }
        int end = value.length;
        while (end > 0 && value[end - 1] == 0) {
            end--;
        }
        String text = new String(value, 0, end, StandardCharsets.UTF_8).trim();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    private static boolean printable(byte[] value) {
        int end = value.length;
        while (end > 0 && value[end - 1] == 0) {
            end--;
        }
        if (end == 0) {
            return false;
        }
        for (int i = 0; i < end; i++) {
            int c = value[i] & 0xff;
            if (c < 0x20 || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("DhcpOptions{");
        options.forEach((code, value) -> out.append(' ').append(code).append('=')
                .append(printable(value) ? text(value).orElse("") : hex(value)));
        return out.append(" }").toString();
    }

    private static String hex(byte[] value) {
        StringBuilder out = new StringBuilder("0x");
        for (byte b : value) {
            out.append(String.format("%02x", b & 0xff));
        }
        return out.toString();
    }
}
