package org.deskphone.hal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * How the operating system should run the phone's network port, decided by {@code org.deskphone.net} from
 * the settings and what DHCP and LLDP said: addressing, DNS, the DHCP client's identity and requests, the
 * VLAN tag and 802.1p priorities, link mode, 802.1X and OpenVPN, and the system clock's NTP servers.
 * Drivers turn it into the system's own configuration; equal plans give byte-identical configurations.
 *
 * @param ipv4         IPv4 addressing
 * @param ipv6         IPv6 addressing
 * @param staticDns    DNS servers that replace those DHCP gives; empty to take DHCP's
 * @param hostname     the name the DHCP client sends (option 12); blank for none
 * @param vendorClass  the vendor class the DHCP client sends (option 60); blank for none
 * @param dhcpOptions  DHCPv4 options to request beyond the usual ones, ascending
 * @param vlanId       the VLAN the port tags with; empty for untagged
 * @param pcpByDscp    802.1p priority for packets with these DSCPs, used when tagged
 * @param link         speed and duplex
 * @param discovery    LLDP-MED and CDP on the port
 * @param dot1x        802.1X authentication of the port, when enabled
 * @param vpn          an OpenVPN tunnel, when enabled
 * @param ntpServers   servers the system clock synchronises with
 */
public record NetworkPlan(
        Ipv4 ipv4,
        Ipv6 ipv6,
        List<InetAddress> staticDns,
        String hostname,
        String vendorClass,
        List<Integer> dhcpOptions,
        OptionalInt vlanId,
        Map<Integer, Integer> pcpByDscp,
        Link link,
        Discovery discovery,
        Optional<Dot1x> dot1x,
        Optional<Vpn> vpn,
        List<String> ntpServers) {

    public enum Mode {
        /** The protocol is off on the port. */
        OFF,
        /** DHCP (IPv4) or SLAAC with DHCPv6 as router advertisements say (IPv6). */
        AUTOMATIC,
        /** DHCPv6 only, no SLAAC (IPv6 only). */
        DHCP_ONLY,
        /** A fixed address. */
        STATIC
    }

    /** IPv4 addressing: {@link Mode#AUTOMATIC} (DHCP), {@link Mode#STATIC} or {@link Mode#OFF}. */
    public record Ipv4(Mode mode, Optional<NetworkStatus.Address> address, Optional<InetAddress> gateway) {
        public static final Ipv4 DHCP = new Ipv4(Mode.AUTOMATIC, Optional.empty(), Optional.empty());
        public static final Ipv4 OFF = new Ipv4(Mode.OFF, Optional.empty(), Optional.empty());

        public Ipv4 {
            Objects.requireNonNull(mode, "mode");
            if (mode == Mode.DHCP_ONLY) {
                throw new IllegalArgumentException("IPv4 has no DHCP-only mode: DHCP is its automatic mode");
            }
            if (mode == Mode.STATIC && address.isEmpty()) {
                throw new IllegalArgumentException("a static IPv4 configuration needs an address");
            }
            address.ifPresent(a -> require(a.ip(), Inet4Address.class, "IPv4 address"));
            gateway.ifPresent(g -> require(g, Inet4Address.class, "IPv4 gateway"));
        }

        public static Ipv4 fixed(NetworkStatus.Address address, Optional<InetAddress> gateway) {
            return new Ipv4(Mode.STATIC, Optional.of(address), gateway);
        }
    }

    /** IPv6 addressing: any {@link Mode}. */
    public record Ipv6(Mode mode, Optional<NetworkStatus.Address> address, Optional<InetAddress> gateway) {
        public static final Ipv6 AUTOMATIC = new Ipv6(Mode.AUTOMATIC, Optional.empty(), Optional.empty());
        public static final Ipv6 OFF = new Ipv6(Mode.OFF, Optional.empty(), Optional.empty());

        public Ipv6 {
            Objects.requireNonNull(mode, "mode");
            if (mode == Mode.STATIC && address.isEmpty()) {
                throw new IllegalArgumentException("a static IPv6 configuration needs an address");
            }
            address.ifPresent(a -> require(a.ip(), Inet6Address.class, "IPv6 address"));
            gateway.ifPresent(g -> require(g, Inet6Address.class, "IPv6 gateway"));
        }
    }

    /** Link speed and duplex: negotiated, or fixed at 10 or 100 Mbit/s. */
    public record Link(boolean negotiate, int megabits, boolean fullDuplex) {
        public static final Link NEGOTIATE = new Link(true, 100, true);

        public Link {
            if (!negotiate && megabits != 10 && megabits != 100) {
                throw new IllegalArgumentException("a fixed link runs at 10 or 100 Mbit/s, not " + megabits);
            }
        }
    }

    /**
     * Link-layer discovery: LLDP-MED as a voice endpoint, advertised every {@code intervalSeconds} and
     * listened to for the switch's voice policy (Yealink {@code network.lldp.*}, L3274-3300), and CDP
     * (ALE {@code DeviceNetworkCdp*}, L735-769).
     */
    public record Discovery(boolean lldp, int intervalSeconds, boolean cdp) {
        public static final Discovery DEFAULT = new Discovery(true, 60, true);

        public Discovery {
            if (intervalSeconds < 1 || intervalSeconds > 3600) {
                throw new IllegalArgumentException("LLDP interval must be 1-3600 s, not " + intervalSeconds);
            }
        }
    }

    /** 802.1X on the wired port (ALE L1695-1777, Yealink L3139-3231). */
    public record Dot1x(Method method, String identity, String password, String anonymousIdentity,
                        Optional<Path> caCertificate, Optional<Path> clientCertificate, Optional<Path> privateKey) {

        public enum Method { MD5, TLS, PEAP_MSCHAPV2, PEAP_GTC, TTLS_MSCHAPV2 }

        public Dot1x {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(identity, "identity");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(anonymousIdentity, "anonymousIdentity");
            if (method == Method.TLS && clientCertificate.isEmpty()) {
                throw new IllegalArgumentException("EAP-TLS needs a client certificate");
            }
        }

        /** Never shows the password. */
        @Override
        public String toString() {
            return "Dot1x{" + method + ", identity=" + identity + ", password=" + (password.isEmpty() ? "none" : "***")
                    + ", ca=" + caCertificate.map(Path::toString).orElse("-") + ", client="
                    + clientCertificate.map(Path::toString).orElse("-") + "}";
        }
    }

    /**
     * An OpenVPN client tunnel (ALE L1435-1626): the provisioned files where the phone keeps them, and the
     * server when no complete configuration file was provisioned.
     */
    public record Vpn(String server, int port, boolean tcp, Optional<Path> configFile, Optional<Path> caCertificate,
                      Optional<Path> clientCertificate, Optional<Path> clientKey, Optional<Path> credentials) {

        public Vpn {
            Objects.requireNonNull(server, "server");
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("OpenVPN server port must be 1-65535, not " + port);
            }
            if (configFile.isEmpty() && (server.isBlank() || server.equals("0.0.0.0"))) {
                throw new IllegalArgumentException("OpenVPN needs a server address or a configuration file");
            }
        }
    }

    public NetworkPlan {
        Objects.requireNonNull(ipv4, "ipv4");
        Objects.requireNonNull(ipv6, "ipv6");
        if (ipv4.mode() == Mode.OFF && ipv6.mode() == Mode.OFF) {
            throw new IllegalArgumentException("IPv4 and IPv6 cannot both be off");
        }
        staticDns = List.copyOf(staticDns);
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(vendorClass, "vendorClass");
        dhcpOptions = dhcpOptions.stream().distinct().sorted().toList();
        for (int option : dhcpOptions) {
            if (option < 1 || option > 254) {
                throw new IllegalArgumentException("DHCP option " + option + " is outside 1-254");
            }
        }
        vlanId.ifPresent(id -> {
            if (id < 1 || id > 4094) {
                throw new IllegalArgumentException("VLAN ID must be 1-4094, not " + id);
            }
        });
        pcpByDscp = java.util.Collections.unmodifiableMap(new TreeMap<>(pcpByDscp));
        pcpByDscp.forEach((dscp, pcp) -> {
            if (dscp < 0 || dscp > 63 || pcp < 0 || pcp > 7) {
                throw new IllegalArgumentException("802.1p map entry " + dscp + "->" + pcp + " is out of range");
            }
        });
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(discovery, "discovery");
        Objects.requireNonNull(dot1x, "dot1x");
        Objects.requireNonNull(vpn, "vpn");
        ntpServers = List.copyOf(ntpServers);
    }

    /** DHCP on IPv4, automatic IPv6, nothing else: what a phone does out of the box. */
    public static NetworkPlan dhcp() {
        return new NetworkPlan(Ipv4.DHCP, Ipv6.AUTOMATIC, List.of(), "", "", List.of(), OptionalInt.empty(), Map.of(),
                Link.NEGOTIATE, Discovery.DEFAULT, Optional.empty(), Optional.empty(), List.of());
    }

    private static void require(InetAddress address, Class<? extends InetAddress> family, String what) {
        if (!family.isInstance(address)) {
            throw new IllegalArgumentException(what + " " + address.getHostAddress() + " is of the wrong family");
        }
    }
}
