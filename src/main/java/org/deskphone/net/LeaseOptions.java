package org.deskphone.net;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.deskphone.hal.DhcpLease;

/**
 * The system's DHCP lease as a {@link DhcpOptionSource}.
 *
 * <p>At merge: {@code org.deskphone.provision.dhcp.DhcpOptions.of(lease.options())} does the same with
 * the project's decoder; this class then shrinks to that adapter and {@link #split} goes.
 */
public final class LeaseOptions implements DhcpOptionSource {
    private final DhcpLease lease;

    public LeaseOptions(DhcpLease lease) {
        this.lease = lease;
    }

    @Override
    public Optional<byte[]> raw(int code) {
        return lease.option(code);
    }

    @Override
    public Map<Integer, byte[]> vendorSubOptions() {
        return lease.option(43).map(LeaseOptions::split).orElse(Map.of());
    }

    @Override
    public Optional<byte[]> raw6(int code) {
        return lease.option6(code);
    }

    /** Code-length-value triples; pad (0) skipped, end (255) stops; malformed gives no sub-options. */
    static Map<Integer, byte[]> split(byte[] value) {
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
            if (i + 1 >= value.length || i + 2 + (value[i + 1] & 0xff) > value.length) {
                return Map.of();
            }
            int length = value[i + 1] & 0xff;
            byte[] sub = new byte[length];
            System.arraycopy(value, i + 2, sub, 0, length);
            subs.put(code, sub);
            i += 2 + length;
        }
        return Collections.unmodifiableMap(subs);
    }
}
