package org.deskphone.hal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PC's read-only view: routes, DNS and VLANs read from copies of /proc and resolv.conf; it applies nothing. */
class HostNetworkTest {
    @TempDir
    Path proc;

    private HostNetwork network() throws Exception {
        Files.createDirectories(proc.resolve("net/vlan"));
        Files.writeString(proc.resolve("net/route"), """
                Iface	Destination	Gateway 	Flags	RefCnt	Use	Metric	Mask		MTU	Window	IRTT
                eth0	00000000	010200C0	0003	0	0	0	00000000	0	0	0
                eth0	000200C0	00000000	0001	0	0	0	00FFFFFF	0	0	0
                """);
        Files.writeString(proc.resolve("net/ipv6_route"),
                "00000000000000000000000000000000 00 00000000000000000000000000000000 00 fd000000000000000000000000000001 00000400 00000002 00000000 00000003     eth0\n");
        Files.writeString(proc.resolve("net/vlan/config"), "VLAN Dev name | VLAN ID\nName-Type: VLAN_NAME_TYPE_RAW_PLUS_VID_NO_PAD\neth0.20 | 20 | eth0\n");
        Path resolv = Files.writeString(proc.resolve("resolv.conf"), "# generated\nnameserver 10.255.255.53\nnameserver fe80::1%eth0\nsearch lab\n");
        return new HostNetwork(Optional.of("eth0"), proc, resolv, Duration.ofSeconds(1));
    }

    @Test
    void gatewaysDnsAndVlansComeFromTheSystemsFiles() throws Exception {
        HostNetwork host = network();
        assertThat(host.gateways("eth0")).containsExactly(InetAddress.getByName("192.0.2.1"), InetAddress.getByName("fd00::1"));
        assertThat(host.dnsServers()).containsExactly(InetAddress.getByName("10.255.255.53"), InetAddress.getByName("fe80::1"));
        assertThat(host.vlan("eth0.20")).hasValue(20);
        assertThat(host.vlan("eth0")).isEmpty();
    }

    @Test
    void itNeverAppliesAPlan() throws Exception {
        assertThat(network().apply(NetworkPlan.dhcp())).isEqualTo(Network.Applied.NOT_MANAGED);
    }

    @Test
    void aPortThatDoesNotExistIsDown() {
        HostNetwork missing = new HostNetwork(Optional.of("nosuch0"), proc, proc.resolve("none"), Duration.ofSeconds(1));
        NetworkStatus status = missing.read();
        assertThat(status.usable()).isFalse();
        assertThat(status.interfaceName()).isEqualTo("nosuch0");
    }

    /** Loopback is never a usable address: a PC with only loopback shows "network unavailable". */
    @Test
    void loopbackHasNoUsableAddress() {
        HostNetwork loopback = new HostNetwork(Optional.of("lo"), proc, proc.resolve("none"), Duration.ofSeconds(1));
        NetworkStatus status = loopback.read();
        assertThat(status.linkUp()).isTrue();
        assertThat(status.addresses()).isNotEmpty();
        assertThat(status.usable()).isFalse();
        assertThat(status.describe()).contains("IP 0.0.0.0 (network unavailable)");
    }

    @Test
    void ipv6IsWrittenShort() throws Exception {
        assertThat(NetworkStatus.text(InetAddress.getByName("fd00:0:0:0:0:0:0:2"))).isEqualTo("fd00::2");
        assertThat(NetworkStatus.text(InetAddress.getByName("2001:db8:0:0:1:0:0:1"))).isEqualTo("2001:db8::1:0:0:1");
        assertThat(NetworkStatus.text(InetAddress.getByName("::1"))).isEqualTo("::1");
        assertThat(NetworkStatus.text(InetAddress.getByName("fe80::"))).isEqualTo("fe80::");
        assertThat(NetworkStatus.text(InetAddress.getByName("2001:db8:1:2:3:4:5:6"))).isEqualTo("2001:db8:1:2:3:4:5:6");
        assertThat(NetworkStatus.text(InetAddress.getByName("2001:0:0:1:0:0:0:1"))).isEqualTo("2001:0:0:1::1");
        assertThat(NetworkStatus.text(InetAddress.getByName("10.0.0.1"))).isEqualTo("10.0.0.1");
    }

    @Test
    void addressesAreUsableOnlyWhenOthersCanReachThem() throws Exception {
        assertThat(new NetworkStatus.Address(InetAddress.getByName("0.0.0.0"), 0).usable()).isFalse();
        assertThat(new NetworkStatus.Address(InetAddress.getByName("169.254.3.4"), 16).usable()).isFalse();
        assertThat(new NetworkStatus.Address(InetAddress.getByName("fe80::1"), 64).usable()).isFalse();
        assertThat(new NetworkStatus.Address(InetAddress.getByName("fd00::2"), 64).usable()).isTrue();
        assertThat(new NetworkStatus.Address(InetAddress.getByName("10.0.0.2"), 8).usable()).isTrue();
    }
}
