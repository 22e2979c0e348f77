package org.deskphone.hal;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The DHCP options the operating system's lease holds, raw, by option code: DHCPv4 (1-254) and DHCPv6
 * (1-65535). The driver only reads them where the system keeps them; what they mean is decided in
 * {@code org.deskphone.net}. Immutable; equal when the same options hold the same bytes.
 */
public final class DhcpLease {
    public static final DhcpLease NONE = new DhcpLease(Map.of(), Map.of());

    private final Map<Integer, byte[]> options;
    private final Map<Integer, byte[]> options6;

    private DhcpLease(Map<Integer, byte[]> options, Map<Integer, byte[]> options6) {
        this.options = options;
        this.options6 = options6;
    }

    public static DhcpLease of(Map<Integer, byte[]> options, Map<Integer, byte[]> options6) {
        return new DhcpLease(copy(options, 254), copy(options6, 65535));
    }

    /** A DHCPv4 option's value. */
    public Optional<byte[]> option(int code) {
        byte[] value = options.get(code);
        return value == null ? Optional.empty() : Optional.of(value.clone());
    }

    /** A DHCPv6 option's value. */
    public Optional<byte[]> option6(int code) {
        byte[] value = options6.get(code);
        return value == null ? Optional.empty() : Optional.of(value.clone());
    }

    /** Every DHCPv4 option, by code; values are copies. */
    public Map<Integer, byte[]> options() {
        return copy(options, 254);
    }

    /** Every DHCPv6 option, by code; values are copies. */
    public Map<Integer, byte[]> options6() {
        return copy(options6, 65535);
    }

    public boolean isEmpty() {
        return options.isEmpty() && options6.isEmpty();
    }

    private static Map<Integer, byte[]> copy(Map<Integer, byte[]> from, int highest) {
        Map<Integer, byte[]> copy = new TreeMap<>();
        from.forEach((code, value) -> {
            if (code < 1 || code > highest) {
                throw new IllegalArgumentException("DHCP option code " + code + " is outside 1-" + highest);
            }
            copy.put(code, value.clone());
        });
        return Collections.unmodifiableMap(copy);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DhcpLease lease && same(options, lease.options) && same(options6, lease.options6);
    }

    private static boolean same(Map<Integer, byte[]> a, Map<Integer, byte[]> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (Map.Entry<Integer, byte[]> entry : a.entrySet()) {
            if (!Arrays.equals(entry.getValue(), b.get(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = 0;
        for (Map.Entry<Integer, byte[]> entry : options.entrySet()) {
            hash += entry.getKey() ^ Arrays.hashCode(entry.getValue());
        }
        for (Map.Entry<Integer, byte[]> entry : options6.entrySet()) {
            hash += 31 * entry.getKey() ^ Arrays.hashCode(entry.getValue());
        }
        return hash;
    }

    @Override
    public String toString() {
        return "DhcpLease{v4=" + options.keySet() + ", v6=" + options6.keySet() + "}";
    }
}
