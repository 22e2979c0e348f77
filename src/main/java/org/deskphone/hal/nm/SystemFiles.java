package org.deskphone.hal.nm;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.deskphone.hal.NetworkPlan;
import org.deskphone.hal.NetworkStatus;

/**
 * The system's configuration for a {@link NetworkPlan}: every file the driver owns, by path under the
 * system's root, with its text and mode. Pure: equal plans give equal files.
 */
final class SystemFiles {
    /** The first line of every file the driver writes; files that carry it and are not wanted any more are removed. */
    static final String MARK = "deskphone: written by the phone from its settings; edits are overwritten";

    static final String NM_CONF = "etc/NetworkManager/conf.d/90-deskphone.conf";
    static final String CONNECTIONS = "etc/NetworkManager/system-connections/";
    static final String LAN = "deskphone-lan";
    static final String VLAN = "deskphone-vlan";
    static final String DHCLIENT_DIR = "etc/dhcp/";
    static final String TIMESYNCD = "etc/systemd/timesyncd.conf.d/90-deskphone.conf";
    static final String OPENVPN = "etc/openvpn/client/deskphone.conf";
    static final String QOS = "etc/deskphone/qos.nft";
    static final String QOS_DISPATCHER = "etc/NetworkManager/dispatcher.d/90-deskphone-qos";
    static final String LLDPD_DEFAULTS = "etc/default/lldpd";
    static final String LLDPD_CONF = "etc/lldpd.d/deskphone.conf";
    /** Every folder the driver writes into, for finding its stale files. */
    static final List<String> FOLDERS = List.of("etc/NetworkManager/conf.d/", CONNECTIONS, DHCLIENT_DIR,
            "etc/systemd/timesyncd.conf.d/", "etc/openvpn/client/", "etc/deskphone/", "etc/NetworkManager/dispatcher.d/",
            "etc/default/", "etc/lldpd.d/");

    /** One file: its text and its permissions (NetworkManager ignores keyfiles others can read). */
    record SystemFile(String text, String mode) {
        byte[] bytes() {
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** dhclient's own names for the options it knows; others are declared as {@code deskphone-N}. */
    private static final Map<Integer, String> DHCLIENT_NAMES = Map.ofEntries(Map.entry(2, "time-offset"),
            Map.entry(6, "domain-name-servers"), Map.entry(12, "host-name"), Map.entry(15, "domain-name"),
            Map.entry(42, "ntp-servers"), Map.entry(43, "vendor-encapsulated-options"), Map.entry(66, "tftp-server-name"),
            Map.entry(67, "bootfile-name"), Map.entry(100, "pcode"), Map.entry(101, "tcode"));

    private SystemFiles() {
    }

    /** The connection's UUID, fixed by its name and port, so the lease file's name is known in advance. */
    static String uuid(String connection, String port) {
        return UUID.nameUUIDFromBytes(("deskphone:" + connection + ":" + port).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The interface that carries the addresses: the port, or its VLAN device {@code port.ID}. */
    static String ipInterface(NetworkPlan plan, String port) {
        return plan.vlanId().isPresent() ? port + "." + plan.vlanId().getAsInt() : port;
    }

    /** The connection that carries the addresses. */
    static String ipConnection(NetworkPlan plan) {
        return plan.vlanId().isPresent() ? VLAN : LAN;
    }

    /** The dhclient name of a DHCP option, as its lease file writes it. */
    static String dhclientName(int code) {
        return DHCLIENT_NAMES.getOrDefault(code, "deskphone-" + code);
    }

    static Map<String, SystemFile> generate(NetworkPlan plan, String port) {
        Map<String, SystemFile> files = new LinkedHashMap<>();
        files.put(NM_CONF, new SystemFile("# " + MARK + "\n"
                + "# dhclient rather than the internal client: only it can ask for options 43, 66, 100, 132...\n"
                + "[main]\ndhcp=dhclient\n", "644"));
        String ipInterface = ipInterface(plan, port);
        Keyfile lan = connection(LAN, "ethernet", port, port);
        if (!plan.link().negotiate()) {
            lan.put("ethernet", "auto-negotiate", "false")
                    .put("ethernet", "speed", Integer.toString(plan.link().megabits()))
                    .put("ethernet", "duplex", plan.link().fullDuplex() ? "full" : "half");
        }
        plan.dot1x().ifPresent(dot1x -> dot1x(lan, dot1x));
        if (plan.vlanId().isPresent()) {
            // The untagged port carries no address of its own; 802.1X still authenticates it.
            lan.put("ipv4", "method", "disabled").put("ipv6", "method", "disabled");
            Keyfile vlan = connection(VLAN, "vlan", ipInterface, port);
            vlan.put("vlan", "parent", port).put("vlan", "id", Integer.toString(plan.vlanId().getAsInt()));
            if (!plan.pcpByDscp().isEmpty()) {
                List<String> map = new ArrayList<>();
                new TreeSet<>(plan.pcpByDscp().values()).forEach(pcp -> map.add(pcp + ":" + pcp));
                vlan.put("vlan", "egress-priority-map", String.join(",", map));
            }
            addressing(vlan, plan);
            files.put(CONNECTIONS + LAN + ".nmconnection", new SystemFile(lan.text(), "600"));
            files.put(CONNECTIONS + VLAN + ".nmconnection", new SystemFile(vlan.text(), "600"));
        } else {
            addressing(lan, plan);
            files.put(CONNECTIONS + LAN + ".nmconnection", new SystemFile(lan.text(), "600"));
        }
        if (plan.ipv4().mode() == NetworkPlan.Mode.AUTOMATIC) {
            files.put(DHCLIENT_DIR + "dhclient-" + ipInterface + ".conf", new SystemFile(dhclient(plan), "644"));
        }
        if (!plan.ntpServers().isEmpty()) {
            files.put(TIMESYNCD, new SystemFile("# " + MARK + "\n[Time]\nNTP=" + String.join(" ", plan.ntpServers()) + "\n", "644"));
        }
        plan.vpn().ifPresent(vpn -> files.put(OPENVPN, new SystemFile(openVpn(vpn), "600")));
        if (plan.vlanId().isPresent() && !plan.pcpByDscp().isEmpty()) {
            files.put(QOS, new SystemFile(qos(plan), "644"));
            files.put(QOS_DISPATCHER, new SystemFile("#!/bin/sh\n# " + MARK + "\n"
                    + "# Re-marks the phone's traffic whenever its VLAN comes up (the table goes with a reboot).\n"
                    + "[ \"$1\" = \"" + ipInterface + "\" ] && [ \"$2\" = up ] && exec nft -f /" + QOS + "\nexit 0\n", "755"));
        }
        // -M 3: an LLDP-MED communication device (a phone), which switches answer with their voice policy.
        String arguments = (plan.discovery().lldp() ? "-M 3 " : "") + (plan.discovery().cdp() ? "-c " : "") + "-I " + port;
        files.put(LLDPD_DEFAULTS, new SystemFile("# " + MARK + "\nDAEMON_ARGS=\"" + arguments + "\"\n", "644"));
        files.put(LLDPD_CONF, new SystemFile("# " + MARK + "\nconfigure lldp tx-interval " + plan.discovery().intervalSeconds()
                + "\n" + (plan.discovery().lldp() ? "" : "configure lldp status disabled\n")
                + (plan.hostname().isEmpty() ? "" : "configure system hostname " + plan.hostname() + "\n"), "644"));
        return files;
    }

    private static Keyfile connection(String id, String type, String interfaceName, String port) {
        return new Keyfile().comment(MARK)
                .put("connection", "id", id)
                .put("connection", "uuid", uuid(id, port))
                .put("connection", "type", type)
                .put("connection", "interface-name", interfaceName)
                .put("connection", "autoconnect", "true")
                // Ahead of the "Wired connection 1" NetworkManager makes by itself.
                .put("connection", "autoconnect-priority", "100");
    }

    private static void addressing(Keyfile file, NetworkPlan plan) {
        List<String> dns4 = new ArrayList<>();
        List<String> dns6 = new ArrayList<>();
        for (InetAddress dns : plan.staticDns()) {
            (dns instanceof java.net.Inet4Address ? dns4 : dns6).add(dns.getHostAddress());
        }
        switch (plan.ipv4().mode()) {
            case OFF -> file.put("ipv4", "method", "disabled");
            case STATIC -> {
                file.put("ipv4", "method", "manual");
                file.put("ipv4", "address1", address(plan.ipv4().address().orElseThrow(), plan.ipv4().gateway()));
            }
            default -> {
                file.put("ipv4", "method", "auto");
                if (!plan.hostname().isEmpty()) {
                    file.put("ipv4", "dhcp-send-hostname", "true").put("ipv4", "dhcp-hostname", plan.hostname());
                }
            }
        }
        if (plan.ipv4().mode() != NetworkPlan.Mode.OFF && !dns4.isEmpty()) {
            file.putList("ipv4", "dns", dns4).put("ipv4", "ignore-auto-dns", "true");
        }
        switch (plan.ipv6().mode()) {
            case OFF -> file.put("ipv6", "method", "disabled");
            case STATIC -> {
                file.put("ipv6", "method", "manual");
                file.put("ipv6", "address1", address(plan.ipv6().address().orElseThrow(), plan.ipv6().gateway()));
            }
            case DHCP_ONLY -> file.put("ipv6", "method", "dhcp");
            default -> file.put("ipv6", "method", "auto");
        }
        if (plan.ipv6().mode() != NetworkPlan.Mode.OFF && !dns6.isEmpty()) {
            file.putList("ipv6", "dns", dns6).put("ipv6", "ignore-auto-dns", "true");
        }
        if (plan.ipv6().mode() != NetworkPlan.Mode.OFF && plan.ipv6().mode() != NetworkPlan.Mode.STATIC
                && !plan.hostname().isEmpty()) {
            file.put("ipv6", "dhcp-send-hostname", "true").put("ipv6", "dhcp-hostname", plan.hostname());
        }
    }

    private static String address(NetworkStatus.Address address, Optional<InetAddress> gateway) {
        return address.ip().getHostAddress() + "/" + address.prefixLength() + gateway.map(g -> "," + g.getHostAddress()).orElse("");
    }

    private static void dot1x(Keyfile file, NetworkPlan.Dot1x dot1x) {
        String group = "802-1x";
        switch (dot1x.method()) {
            case MD5 -> file.put(group, "eap", "md5;");
            case TLS -> file.put(group, "eap", "tls;");
            case PEAP_MSCHAPV2, PEAP_GTC -> file.put(group, "eap", "peap;");
            case TTLS_MSCHAPV2 -> file.put(group, "eap", "ttls;");
        }
        file.put(group, "identity", dot1x.identity());
        if (!dot1x.anonymousIdentity().isEmpty() && dot1x.method() != NetworkPlan.Dot1x.Method.MD5) {
            file.put(group, "anonymous-identity", dot1x.anonymousIdentity());
        }
        dot1x.caCertificate().ifPresent(ca -> file.put(group, "ca-cert", ca.toAbsolutePath().toString()));
        switch (dot1x.method()) {
            case TLS -> {
                file.put(group, "client-cert", dot1x.clientCertificate().orElseThrow().toAbsolutePath().toString());
                file.put(group, "private-key", dot1x.privateKey().orElse(dot1x.clientCertificate().get()).toAbsolutePath().toString());
                // The provisioned key is not encrypted (ALE L1762: one .pem): no key password to ask for.
                file.put(group, "private-key-password-flags", "4");
            }
            case PEAP_GTC -> file.put(group, "phase2-auth", "gtc");
            case PEAP_MSCHAPV2, TTLS_MSCHAPV2 -> file.put(group, "phase2-auth", "mschapv2");
            default -> { }
        }
        if (dot1x.method() != NetworkPlan.Dot1x.Method.TLS) {
            // Kept in this root-only file: the phone has no agent to ask the user for it.
            file.put(group, "password-flags", "0").put(group, "password", dot1x.password());
        }
    }

    static String dhclient(NetworkPlan plan) {
        StringBuilder out = new StringBuilder("# " + MARK + "\n");
        out.append("# NetworkManager merges this into the dhclient configuration of the interface.\n");
        List<String> names = new ArrayList<>();
        for (int code : plan.dhcpOptions()) {
            String name = dhclientName(code);
            if (name.startsWith("deskphone-")) {
                out.append("option ").append(name).append(" code ").append(code).append(" = string;\n");
            }
            names.add(name);
        }
        if (!plan.vendorClass().isEmpty()) {
            out.append("send vendor-class-identifier \"").append(quoted(plan.vendorClass())).append("\";\n");
        }
        if (!names.isEmpty()) {
            out.append("also request ").append(String.join(", ", names)).append(";\n");
        }
        return out.toString();
    }

    private static String openVpn(NetworkPlan.Vpn vpn) {
        StringBuilder out = new StringBuilder("# " + MARK + "\n");
        if (vpn.configFile().isPresent()) {
            // The provisioned file points at the phone's unified paths (ALE L1447-1455); here they live beside it.
            Path folder = vpn.configFile().get().toAbsolutePath().getParent();
            out.append("# from ").append(vpn.configFile().get().toAbsolutePath()).append('\n');
            out.append("cd ").append(folder).append('\n');
            try {
                String text = java.nio.file.Files.readString(vpn.configFile().get(), StandardCharsets.UTF_8);
                out.append(text.replace("\r\n", "\n").replace("/config/cert/openvpn/", folder + "/"));
                if (!text.endsWith("\n")) {
                    out.append('\n');
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot read the provisioned OpenVPN configuration", e);
            }
            return out.toString();
        }
        out.append("client\ndev tun\nproto ").append(vpn.tcp() ? "tcp-client" : "udp").append('\n');
        out.append("remote ").append(vpn.server()).append(' ').append(vpn.port()).append('\n');
        out.append("nobind\npersist-key\npersist-tun\nresolv-retry infinite\nremote-cert-tls server\n");
        vpn.caCertificate().ifPresent(p -> out.append("ca ").append(p.toAbsolutePath()).append('\n'));
        vpn.clientCertificate().ifPresent(p -> out.append("cert ").append(p.toAbsolutePath()).append('\n'));
        vpn.clientKey().ifPresent(p -> out.append("key ").append(p.toAbsolutePath()).append('\n'));
        vpn.credentials().ifPresent(p -> out.append("auth-user-pass ").append(p.toAbsolutePath()).append('\n'));
        out.append("verb 3\n");
        return out.toString();
    }

    /**
     * An nftables table that gives the phone's DSCP-marked packets the 802.1p priority the plan asks
     * for; the VLAN's egress map then copies that priority into the tag.
     */
    static String qos(NetworkPlan plan) {
        StringBuilder out = new StringBuilder("#!/usr/sbin/nft -f\n# " + MARK + "\n");
        out.append("table inet deskphone_qos\ndelete table inet deskphone_qos\n");
        out.append("table inet deskphone_qos {\n\tchain output {\n\t\ttype filter hook output priority mangle; policy accept;\n");
        plan.pcpByDscp().forEach((dscp, pcp) -> {
            out.append("\t\tip dscp ").append(dscp).append(" meta priority set 0:").append(pcp).append('\n');
            out.append("\t\tip6 dscp ").append(dscp).append(" meta priority set 0:").append(pcp).append('\n');
        });
        out.append("\t}\n}\n");
        return out.toString();
    }

    private static String quoted(String value) {
        if (!value.matches("[\\x20-\\x7e]*")) {
            throw new IllegalArgumentException("the DHCP vendor class must be printable ASCII: '" + value + "'");
        }
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
