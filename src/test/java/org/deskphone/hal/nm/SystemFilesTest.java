package org.deskphone.hal.nm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.deskphone.hal.NetworkPlan;
import org.deskphone.hal.NetworkStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The system configuration the board driver writes for each kind of setting, byte for byte where it matters. */
class SystemFilesTest {
    @TempDir
    Path data;

    private static final String LAN_UUID = SystemFiles.uuid("deskphone-lan", "eth0");
    private static final String VLAN_UUID = SystemFiles.uuid("deskphone-vlan", "eth0");

    private static NetworkPlan dhcp(List<Integer> options) {
        NetworkPlan base = NetworkPlan.dhcp();
        return new NetworkPlan(base.ipv4(), NetworkPlan.Ipv6.OFF, List.of(), "deskphone-pi", "aledevice", options,
                OptionalInt.empty(), Map.of(), NetworkPlan.Link.NEGOTIATE, NetworkPlan.Discovery.DEFAULT, Optional.empty(),
                Optional.empty(), List.of());
    }

    private static NetworkPlan with(NetworkPlan p, OptionalInt vlan, Map<Integer, Integer> pcp) {
        return new NetworkPlan(p.ipv4(), p.ipv6(), p.staticDns(), p.hostname(), p.vendorClass(), p.dhcpOptions(), vlan, pcp,
                p.link(), p.discovery(), p.dot1x(), p.vpn(), p.ntpServers());
    }

    @Test
    void theFactoryPlanIsDhcpOnTheUntaggedPortWithItsOptions() {
        Map<String, SystemFiles.SystemFile> files = SystemFiles.generate(dhcp(List.of(2, 42, 43, 66, 67, 100, 101, 132, 133, 160)), "eth0");
        assertThat(files.keySet()).containsExactly(SystemFiles.NM_CONF, "etc/NetworkManager/system-connections/deskphone-lan.nmconnection",
                "etc/dhcp/dhclient-eth0.conf", SystemFiles.LLDPD_DEFAULTS, SystemFiles.LLDPD_CONF);
        assertThat(files.get(SystemFiles.NM_CONF).text()).endsWith("[main]\ndhcp=dhclient\n");
        assertThat(files.get("etc/NetworkManager/system-connections/deskphone-lan.nmconnection")).isEqualTo(new SystemFiles.SystemFile("""
                # deskphone: written by the phone from its settings; edits are overwritten

                [connection]
                id=deskphone-lan
                uuid=%s
                type=ethernet
                interface-name=eth0
                autoconnect=true
                autoconnect-priority=100

                [ipv4]
                method=auto
                dhcp-send-hostname=true
                dhcp-hostname=deskphone-pi

                [ipv6]
                method=disabled
                """.formatted(LAN_UUID), "600"));
        assertThat(files.get("etc/dhcp/dhclient-eth0.conf").text()).isEqualTo("""
                # deskphone: written by the phone from its settings; edits are overwritten
                # NetworkManager merges this into the dhclient configuration of the interface.
                option deskphone-132 code 132 = string;
                option deskphone-133 code 133 = string;
                option deskphone-160 code 160 = string;
                send vendor-class-identifier "aledevice";
                also request time-offset, ntp-servers, vendor-encapsulated-options, tftp-server-name, bootfile-name, pcode, tcode, deskphone-132, deskphone-133, deskphone-160;
                """);
        assertThat(files.get(SystemFiles.LLDPD_DEFAULTS).text()).endsWith("DAEMON_ARGS=\"-M 3 -c -I eth0\"\n");
        assertThat(files.get(SystemFiles.LLDPD_CONF).text()).endsWith("configure lldp tx-interval 60\nconfigure system hostname deskphone-pi\n");
    }

    /** Yealink network.internet_port.type=2 / ALE DeviceNetworkDhcpMode=Static, with DNS and a fixed link. */
    @Test
    void staticIpv4WithDnsAndAFixedLink() throws Exception {
        NetworkPlan plan = new NetworkPlan(NetworkPlan.Ipv4.fixed(new NetworkStatus.Address(InetAddress.getByName("192.168.1.20"), 24),
                Optional.of(InetAddress.getByName("192.168.1.1"))), NetworkPlan.Ipv6.OFF,
                List.of(InetAddress.getByName("192.168.1.2"), InetAddress.getByName("9.9.9.9")), "phone", "", List.of(42),
                OptionalInt.empty(), Map.of(), new NetworkPlan.Link(false, 100, false), NetworkPlan.Discovery.DEFAULT, Optional.empty(),
                Optional.empty(), List.of("ntp.example", "10.0.0.1"));
        Map<String, SystemFiles.SystemFile> files = SystemFiles.generate(plan, "eth0");
        String lan = files.get("etc/NetworkManager/system-connections/deskphone-lan.nmconnection").text();
        assertThat(lan).contains("""
                [ethernet]
                auto-negotiate=false
                speed=100
                duplex=half

                [ipv4]
                method=manual
                address1=192.168.1.20/24,192.168.1.1
                dns=192.168.1.2;9.9.9.9;
                ignore-auto-dns=true
                """).doesNotContain("dhcp-hostname");
        assertThat(files).as("no DHCP client to configure").doesNotContainKey("etc/dhcp/dhclient-eth0.conf");
        assertThat(files.get(SystemFiles.TIMESYNCD).text()).endsWith("[Time]\nNTP=ntp.example 10.0.0.1\n");
    }

    /** A VLAN (manual, DHCP or LLDP): the port carries no address, its VLAN device does, with an egress map. */
    @Test
    void aVlanMovesTheAddressesToTheVlanDeviceAndMarksPriorities() {
        NetworkPlan plan = with(dhcp(List.of(42)), OptionalInt.of(20), Map.of(46, 6, 26, 3));
        Map<String, SystemFiles.SystemFile> files = SystemFiles.generate(plan, "eth0");
        assertThat(files.get("etc/NetworkManager/system-connections/deskphone-lan.nmconnection").text())
                .contains("[ipv4]\nmethod=disabled\n\n[ipv6]\nmethod=disabled\n");
        assertThat(files.get("etc/NetworkManager/system-connections/deskphone-vlan.nmconnection")).isEqualTo(new SystemFiles.SystemFile("""
                # deskphone: written by the phone from its settings; edits are overwritten

                [connection]
                id=deskphone-vlan
                uuid=%s
                type=vlan
                interface-name=eth0.20
                autoconnect=true
                autoconnect-priority=100

                [vlan]
                parent=eth0
                id=20
                egress-priority-map=3:3,6:6

                [ipv4]
                method=auto
                dhcp-send-hostname=true
                dhcp-hostname=deskphone-pi

                [ipv6]
                method=disabled
                """.formatted(VLAN_UUID), "600"));
        assertThat(files).containsKey("etc/dhcp/dhclient-eth0.20.conf").doesNotContainKey("etc/dhcp/dhclient-eth0.conf");
        assertThat(files.get(SystemFiles.QOS).text()).isEqualTo("""
                #!/usr/sbin/nft -f
                # deskphone: written by the phone from its settings; edits are overwritten
                table inet deskphone_qos
                delete table inet deskphone_qos
                table inet deskphone_qos {
                \tchain output {
                \t\ttype filter hook output priority mangle; policy accept;
                \t\tip dscp 26 meta priority set 0:3
                \t\tip6 dscp 26 meta priority set 0:3
                \t\tip dscp 46 meta priority set 0:6
                \t\tip6 dscp 46 meta priority set 0:6
                \t}
                }
                """);
        assertThat(files.get(SystemFiles.QOS_DISPATCHER).mode()).isEqualTo("755");
        assertThat(files.get(SystemFiles.QOS_DISPATCHER).text()).contains("[ \"$1\" = \"eth0.20\" ] && [ \"$2\" = up ] && exec nft -f /etc/deskphone/qos.nft");
        assertThat(SystemFiles.ipInterface(plan, "eth0")).isEqualTo("eth0.20");
    }

    @Test
    void ipv6ModesAndStaticIpv6Dns() throws Exception {
        NetworkPlan base = dhcp(List.of());
        NetworkPlan v6only = new NetworkPlan(NetworkPlan.Ipv4.OFF, new NetworkPlan.Ipv6(NetworkPlan.Mode.STATIC,
                Optional.of(new NetworkStatus.Address(InetAddress.getByName("2001:db8::20"), 64)), Optional.of(InetAddress.getByName("2001:db8::1"))),
                List.of(InetAddress.getByName("2001:db8::53")), "p", "", List.of(), OptionalInt.empty(), Map.of(), base.link(),
                base.discovery(), Optional.empty(), Optional.empty(), List.of());
        String lan = SystemFiles.generate(v6only, "eth0").get("etc/NetworkManager/system-connections/deskphone-lan.nmconnection").text();
        assertThat(lan).contains("[ipv4]\nmethod=disabled\n").contains("[ipv6]\nmethod=manual\naddress1=2001:db8:0:0:0:0:0:20/64,2001:db8:0:0:0:0:0:1\n"
                + "dns=2001:db8:0:0:0:0:0:53;\nignore-auto-dns=true\n");
        NetworkPlan dhcpOnly = new NetworkPlan(base.ipv4(), new NetworkPlan.Ipv6(NetworkPlan.Mode.DHCP_ONLY, Optional.empty(), Optional.empty()),
                List.of(), "p", "", List.of(), OptionalInt.empty(), Map.of(), base.link(), base.discovery(), Optional.empty(), Optional.empty(), List.of());
        assertThat(SystemFiles.generate(dhcpOnly, "eth0").get("etc/NetworkManager/system-connections/deskphone-lan.nmconnection").text())
                .contains("[ipv6]\nmethod=dhcp\ndhcp-send-hostname=true\ndhcp-hostname=p\n");
    }

    /** Each 802.1X method of the manuals (ALE L1698-1706, Yealink L3139) in NetworkManager's words. */
    @Test
    void dot1xMethods() throws Exception {
        Path ca = Files.writeString(data.resolve("ca.pem"), "ca");
        Path client = Files.writeString(data.resolve("client.pem"), "c");
        assertThat(dot1x(new NetworkPlan.Dot1x(NetworkPlan.Dot1x.Method.MD5, "phone7", "se;cret\\", "anon", Optional.empty(),
                Optional.empty(), Optional.empty()))).isEqualTo("""
                [802-1x]
                eap=md5;
                identity=phone7
                password-flags=0
                password=se;cret\\\\
                """);
        assertThat(dot1x(new NetworkPlan.Dot1x(NetworkPlan.Dot1x.Method.TLS, "phone7", "", "", Optional.of(ca), Optional.of(client),
                Optional.of(client)))).isEqualTo("""
                [802-1x]
                eap=tls;
                identity=phone7
                ca-cert=%s
                client-cert=%s
                private-key=%s
                private-key-password-flags=4
                """.formatted(ca, client, client));
        assertThat(dot1x(new NetworkPlan.Dot1x(NetworkPlan.Dot1x.Method.PEAP_GTC, "u", "p", " anon", Optional.of(ca), Optional.empty(),
                Optional.empty()))).contains("eap=peap;\n").contains("anonymous-identity=\\sanon\n").contains("phase2-auth=gtc\n");
        assertThat(dot1x(new NetworkPlan.Dot1x(NetworkPlan.Dot1x.Method.TTLS_MSCHAPV2, "u", "p", "", Optional.empty(), Optional.empty(),
                Optional.empty()))).contains("eap=ttls;\n").contains("phase2-auth=mschapv2\n");
        assertThatThrownBy(() -> dot1x(new NetworkPlan.Dot1x(NetworkPlan.Dot1x.Method.MD5, "bad\u0001id", "", "", Optional.empty(),
                Optional.empty(), Optional.empty()))).hasMessageContaining("control character");
    }

    private static String dot1x(NetworkPlan.Dot1x dot1x) {
        NetworkPlan base = dhcp(List.of());
        NetworkPlan plan = new NetworkPlan(base.ipv4(), base.ipv6(), List.of(), "", "", List.of(), OptionalInt.empty(), Map.of(), base.link(),
                base.discovery(), Optional.of(dot1x), Optional.empty(), List.of());
        String text = SystemFiles.generate(plan, "eth0").get("etc/NetworkManager/system-connections/deskphone-lan.nmconnection").text();
        int start = text.indexOf("[802-1x]");
        return text.substring(start, text.indexOf("\n\n", start) + 1);
    }

    /** OpenVPN from the settings, or from the provisioned vpn.cnf with the manual's paths moved (ALE L1447-1474). */
    @Test
    void openVpnClientConfiguration() throws Exception {
        Path folder = Files.createDirectories(data.resolve("openvpn"));
        Path ca = Files.writeString(folder.resolve("openvpn-ca.crt"), "ca");
        Path user = Files.writeString(folder.resolve("openvpn-user.txt"), "u\np\n");
        NetworkPlan base = dhcp(List.of());
        NetworkPlan.Vpn generated = new NetworkPlan.Vpn("vpn.example", 1194, false, Optional.empty(), Optional.of(ca), Optional.empty(),
                Optional.empty(), Optional.of(user));
        String text = SystemFiles.generate(vpn(base, generated), "eth0").get(SystemFiles.OPENVPN).text();
        assertThat(text).isEqualTo("""
                # deskphone: written by the phone from its settings; edits are overwritten
                client
                dev tun
                proto udp
                remote vpn.example 1194
                nobind
                persist-key
                persist-tun
                resolv-retry infinite
                remote-cert-tls server
                ca %s
                auth-user-pass %s
                verb 3
                """.formatted(ca, user));
        Path config = Files.writeString(folder.resolve("vpn.cnf"), "client\r\nremote 10.0.0.1 1194\r\nca /config/cert/openvpn/openvpn-ca.crt\r\n"
                + "auth-user-pass /config/cert/openvpn/openvpn-user.txt");
        NetworkPlan.Vpn provisioned = new NetworkPlan.Vpn("", 1194, false, Optional.of(config), Optional.of(ca), Optional.empty(),
                Optional.empty(), Optional.of(user));
        SystemFiles.SystemFile file = SystemFiles.generate(vpn(base, provisioned), "eth0").get(SystemFiles.OPENVPN);
        assertThat(file.mode()).isEqualTo("600");
        assertThat(file.text()).contains("cd " + folder + "\nclient\nremote 10.0.0.1 1194\nca " + ca + "\nauth-user-pass " + user + "\n");
    }

    private static NetworkPlan vpn(NetworkPlan base, NetworkPlan.Vpn vpn) {
        return new NetworkPlan(base.ipv4(), base.ipv6(), List.of(), "", "", List.of(), OptionalInt.empty(), Map.of(), base.link(),
                base.discovery(), Optional.empty(), Optional.of(vpn), List.of());
    }

    @Test
    void discoveryOffAndLldpIntervals() {
        NetworkPlan base = dhcp(List.of());
        NetworkPlan off = new NetworkPlan(base.ipv4(), base.ipv6(), List.of(), "", "", List.of(), OptionalInt.empty(), Map.of(), base.link(),
                new NetworkPlan.Discovery(false, 30, false), Optional.empty(), Optional.empty(), List.of());
        Map<String, SystemFiles.SystemFile> files = SystemFiles.generate(off, "end0");
        assertThat(files.get(SystemFiles.LLDPD_DEFAULTS).text()).endsWith("DAEMON_ARGS=\"-I end0\"\n");
        assertThat(files.get(SystemFiles.LLDPD_CONF).text()).endsWith("configure lldp tx-interval 30\nconfigure lldp status disabled\n");
        assertThat(files.get("etc/NetworkManager/system-connections/deskphone-lan.nmconnection").text()).contains("interface-name=end0\n");
    }

    @Test
    void aVendorClassThatDhclientCannotQuoteIsRefused() {
        NetworkPlan base = dhcp(List.of());
        NetworkPlan bad = new NetworkPlan(base.ipv4(), base.ipv6(), List.of(), "", "caf\u00e9", List.of(), OptionalInt.empty(), Map.of(),
                base.link(), base.discovery(), Optional.empty(), Optional.empty(), List.of());
        assertThatThrownBy(() -> SystemFiles.generate(bad, "eth0")).hasMessageContaining("printable ASCII");
        NetworkPlan quoted = new NetworkPlan(base.ipv4(), base.ipv6(), List.of(), "", "a\"b", List.of(), OptionalInt.empty(), Map.of(),
                base.link(), base.discovery(), Optional.empty(), Optional.empty(), List.of());
        assertThat(SystemFiles.dhclient(quoted)).contains("send vendor-class-identifier \"a\\\"b\";");
    }
}
