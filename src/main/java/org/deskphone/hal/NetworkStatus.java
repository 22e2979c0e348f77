package org.deskphone.hal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * What the phone's network is at one moment, as the driver read it from the system: the port's link,
 * its addresses, gateways and DNS servers, the VLAN it tags with, the system's DHCP lease and the voice
 * policy the switch advertised. Immutable.
 *
 * @param interfaceName the port the phone uses ({@code eth0}, {@code eth0.20} when tagged)
 * @param linkUp        whether the port has a carrier
 * @param addresses     every address on the port, link-local ones included
 * @param gateways      default gateways, IPv4 first
 * @param dnsServers    DNS servers in use
 * @param vlan          the VLAN ID the port tags with, when it does
 * @param lease         the options of the system's DHCP lease; {@link DhcpLease#NONE} without one
 * @param voicePolicy   the LLDP-MED voice policy heard on the port, if any
 */
public record NetworkStatus(
        String interfaceName,
        boolean linkUp,
        List<Address> addresses,
        List<InetAddress> gateways,
        List<InetAddress> dnsServers,
        OptionalInt vlan,
        DhcpLease lease,
        Optional<VoicePolicy> voicePolicy) {

    /** One address on the port with its prefix length. */
    public record Address(InetAddress ip, int prefixLength) {

        public Address {
            Objects.requireNonNull(ip, "ip");
            int bits = ip instanceof Inet4Address ? 32 : 128;
            if (prefixLength < 0 || prefixLength > bits) {
                throw new IllegalArgumentException("prefix length of " + ip.getHostAddress() + " must be 0-" + bits);
            }
        }

        /**
         * An address other hosts can reach the phone at: not unspecified ({@code 0.0.0.0}, the ALE manual's
         * "no lease" address, L39-41), loopback, link-local or multicast.
         */
        public boolean usable() {
            return !ip.isAnyLocalAddress() && !ip.isLoopbackAddress() && !ip.isLinkLocalAddress()
                    && !ip.isMulticastAddress();
        }

        @Override
        public String toString() {
            return text(ip) + "/" + prefixLength;
        }
    }

    public NetworkStatus {
        Objects.requireNonNull(interfaceName, "interfaceName");
        addresses = List.copyOf(addresses);
        gateways = List.copyOf(gateways);
        dnsServers = List.copyOf(dnsServers);
        Objects.requireNonNull(vlan, "vlan");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(voicePolicy, "voicePolicy");
    }

    /** A port with no link and no address: what the phone knows before the driver has looked. */
    public static NetworkStatus down(String interfaceName) {
        return new NetworkStatus(interfaceName, false, List.of(), List.of(), List.of(), OptionalInt.empty(),
                DhcpLease.NONE, Optional.empty());
    }

    /** True when the port is up and holds at least one {@link Address#usable() usable} address. */
    public boolean usable() {
        return linkUp && addresses.stream().anyMatch(Address::usable);
    }

    /** The first usable IPv4 address. */
    public Optional<Address> ipv4() {
        return addresses.stream().filter(a -> a.ip() instanceof Inet4Address && a.usable()).findFirst();
    }

    /** The first usable IPv6 address. */
    public Optional<Address> ipv6() {
        return addresses.stream().filter(a -> a.ip() instanceof Inet6Address && a.usable()).findFirst();
    }

    /** The same status with another lease and voice policy (drivers read those separately). */
    public NetworkStatus with(DhcpLease newLease, Optional<VoicePolicy> newPolicy) {
        return new NetworkStatus(interfaceName, linkUp, addresses, gateways, dnsServers, vlan, newLease, newPolicy);
    }

    /** The lines a status page shows, ALE-style: an unusable port reads {@code IP 0.0.0.0} (L39-41). */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("Port " + interfaceName + ": " + (linkUp ? "link up" : "no link"));
        if (!usable()) {
            lines.add("IP 0.0.0.0 (network unavailable)");
        }
        for (Address address : addresses) {
            if (address.usable()) {
                lines.add((address.ip() instanceof Inet4Address ? "IPv4 " : "IPv6 ") + address);
            }
        }
        if (!gateways.isEmpty()) {
            lines.add("Gateway " + join(gateways));
        }
        if (!dnsServers.isEmpty()) {
            lines.add("DNS " + join(dnsServers));
        }
        vlan.ifPresent(id -> lines.add("VLAN " + id));
        return lines;
    }

    private static String join(List<InetAddress> addresses) {
        return addresses.stream().map(NetworkStatus::text).collect(Collectors.joining(", "));
    }

    /** An address as people write it: IPv6 in RFC 5952's short form ({@code fd00::2}). */
    public static String text(InetAddress ip) {
        if (!(ip instanceof Inet6Address)) {
            return ip.getHostAddress();
        }
        byte[] bytes = ip.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (bytes[2 * i] & 0xff) << 8 | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(i, j);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }
}
