package org.deskphone.hal.nm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import org.deskphone.hal.Network;
import org.deskphone.hal.NetworkPlan;
import org.deskphone.hal.NetworkStatus;
import org.deskphone.hal.VoicePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The board driver against a scratch root: the files it writes, the commands it would run (recorded,
 * never run: nothing here touches this machine's network), what it does when the system refuses, and
 * how it reads NetworkManager, the lease and lldpd back.
 */
class NetworkManagerNetworkTest {
    @TempDir
    Path root;
    private final List<String> ran = new ArrayList<>();
    private Function<List<String>, Commands.Result> answer = command -> new Commands.Result(0, "");

    private NetworkManagerNetwork driver() {
        return new NetworkManagerNetwork(new NetworkManagerNetwork.Options("eth0", root, Duration.ofSeconds(1), List.of("lldpcli")),
                command -> {
                    ran.add(String.join(" ", command));
                    return answer.apply(command);
                });
    }

    private static NetworkPlan plan(OptionalInt vlan) {
        NetworkPlan base = NetworkPlan.dhcp();
        return new NetworkPlan(base.ipv4(), NetworkPlan.Ipv6.OFF, List.of(), "deskphone-pi", "yealink", List.of(42, 66, 132), vlan,
                vlan.isPresent() ? Map.of(46, 5) : Map.of(), base.link(), base.discovery(), Optional.empty(), Optional.empty(), List.of());
    }

    private String file(String path) throws IOException {
        return Files.readString(root.resolve(path));
    }

    @Test
    void aFirstApplyWritesEverythingAndRestartsNetworkManagerThenOnlyWhatChanged() throws Exception {
        NetworkManagerNetwork driver = driver();
        assertThat(driver.apply(plan(OptionalInt.empty()))).isEqualTo(Network.Applied.APPLIED);
        assertThat(ran).containsExactly("systemctl restart NetworkManager", "nmcli --wait 30 connection up id deskphone-lan",
                "systemctl restart lldpd");
        Path lan = root.resolve("etc/NetworkManager/system-connections/deskphone-lan.nmconnection");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(lan))).isEqualTo("rw-------");
        assertThat(file("etc/dhcp/dhclient-eth0.conf")).contains("also request ntp-servers, tftp-server-name, deskphone-132;");

        ran.clear();
        assertThat(driver.apply(plan(OptionalInt.empty()))).isEqualTo(Network.Applied.UNCHANGED);
        assertThat(ran).isEmpty();

        ran.clear();
        assertThat(driver.apply(plan(OptionalInt.of(20)))).isEqualTo(Network.Applied.APPLIED);
        assertThat(ran).containsExactly("nmcli connection reload", "nmcli --wait 30 connection up id deskphone-lan",
                "nmcli --wait 30 connection up id deskphone-vlan", "nft -f " + root.resolve("etc/deskphone/qos.nft"));
        assertThat(root.resolve("etc/dhcp/dhclient-eth0.conf")).as("the port's DHCP client is the VLAN's now").doesNotExist();
        assertThat(root.resolve("etc/dhcp/dhclient-eth0.20.conf")).exists();
    }

    @Test
    void leavingTheVlanRemovesItsFilesButNotOthers() throws Exception {
        Files.createDirectories(root.resolve("etc/dhcp"));
        Files.writeString(root.resolve("etc/dhcp/dhclient.conf"), "# Debian's own\nrequest subnet-mask;\n");
        NetworkManagerNetwork driver = driver();
        driver.apply(plan(OptionalInt.of(20)));
        ran.clear();
        assertThat(driver.apply(plan(OptionalInt.empty()))).isEqualTo(Network.Applied.APPLIED);
        assertThat(root.resolve("etc/NetworkManager/system-connections/deskphone-vlan.nmconnection")).doesNotExist();
        assertThat(root.resolve("etc/deskphone/qos.nft")).doesNotExist();
        assertThat(root.resolve("etc/NetworkManager/dispatcher.d/90-deskphone-qos")).doesNotExist();
        assertThat(root.resolve("etc/dhcp/dhclient.conf")).hasContent("# Debian's own\nrequest subnet-mask;");
        assertThat(ran).containsExactly("nmcli connection reload", "nmcli --wait 30 connection up id deskphone-lan",
                "nft delete table inet deskphone_qos");
    }

    /** Never half-applied: a refused re-apply puts the previous files back and says why. */
    @Test
    void aRefusedConfigurationPutsThePreviousOneBack() throws Exception {
        NetworkManagerNetwork driver = driver();
        driver.apply(plan(OptionalInt.empty()));
        String before = file("etc/NetworkManager/system-connections/deskphone-lan.nmconnection");
        answer = command -> command.contains("deskphone-vlan")
                ? new Commands.Result(4, "Error: Connection activation failed: No suitable device found.") : new Commands.Result(0, "");
        ran.clear();
        assertThatThrownBy(() -> driver.apply(plan(OptionalInt.of(30)))).isInstanceOf(IOException.class)
                .hasMessageContaining("previous one is back").hasMessageContaining("deskphone-vlan").hasMessageContaining("No suitable device");
        assertThat(file("etc/NetworkManager/system-connections/deskphone-lan.nmconnection")).isEqualTo(before);
        assertThat(root.resolve("etc/NetworkManager/system-connections/deskphone-vlan.nmconnection")).doesNotExist();
        assertThat(root.resolve("etc/dhcp/dhclient-eth0.conf")).exists();
        assertThat(root.resolve("etc/dhcp/dhclient-eth0.30.conf")).doesNotExist();
        assertThat(ran).endsWith("nmcli connection reload", "nmcli --wait 30 connection up id deskphone-lan");
    }

    /** A file that cannot be written stops everything before any file is replaced. */
    @Test
    void aFileThatCannotBeWrittenChangesNothing() throws Exception {
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/dhcp"), "in the way");
        assertThatThrownBy(() -> driver().apply(plan(OptionalInt.empty()))).hasMessageContaining("nothing was changed");
        assertThat(root.resolve(SystemFiles.NM_CONF)).doesNotExist();
        try (var files = Files.walk(root)) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".deskphone-new"))).isEmpty();
        }
        assertThat(ran).isEmpty();
    }

    @Test
    void statusComesFromNmcliTheLeaseAndLldpd() throws Exception {
        NetworkManagerNetwork driver = driver();
        driver.apply(plan(OptionalInt.of(20)));
        Path leases = Files.createDirectories(root.resolve("var/lib/NetworkManager"));
        Files.writeString(leases.resolve("dhclient-" + SystemFiles.uuid("deskphone-vlan", "eth0") + "-eth0.20.lease"), """
                lease {
                  interface "eth0.20";
                  fixed-address 10.20.0.7;
                  option ntp-servers 10.20.0.1;
                  option deskphone-132 14;
                }
                """);
        answer = command -> {
            String line = String.join(" ", command);
            if (line.endsWith("device show eth0.20")) {
                return new Commands.Result(0, """
                        GENERAL.STATE:100 (connected)
                        IP4.ADDRESS[1]:10.20.0.7/24
                        IP4.GATEWAY:10.20.0.1
                        IP4.DNS[1]:10.20.0.53
                        IP6.ADDRESS[1]:fe80\\:\\:5054\\:ff\\:fe12\\:3456/64
                        IP6.GATEWAY:--
                        """);
            }
            if (line.endsWith("device show eth0")) {
                return new Commands.Result(0, "GENERAL.STATE:100 (connected)\n");
            }
            if (line.startsWith("lldpcli")) {
                return new Commands.Result(0, """
                        lldp.eth0.via=LLDP
                        lldp.eth0.lldp-med.policy.apptype=Voice
                        lldp.eth0.lldp-med.policy.defined=yes
                        lldp.eth0.lldp-med.policy.vlan.vid=20
                        lldp.eth0.lldp-med.policy.priority=Voice
                        lldp.eth0.lldp-med.policy.pcp=5
                        lldp.eth0.lldp-med.policy.dscp=46
                        """);
            }
            return new Commands.Result(10, "Error: Device not found.");
        };
        NetworkStatus status = driver.read();
        assertThat(status.interfaceName()).isEqualTo("eth0.20");
        assertThat(status.linkUp()).isTrue();
        assertThat(status.usable()).isTrue();
        assertThat(status.addresses()).hasSize(2);
        assertThat(status.gateways()).containsExactly(InetAddress.getByName("10.20.0.1"));
        assertThat(status.dnsServers()).containsExactly(InetAddress.getByName("10.20.0.53"));
        assertThat(status.vlan()).hasValue(20);
        assertThat(status.lease().option(42)).hasValue(new byte[] {10, 20, 0, 1});
        assertThat(status.lease().option(132)).hasValue(new byte[] {0x14});
        assertThat(status.voicePolicy()).contains(new VoicePolicy(20, 5, 46));
        assertThat(ran).contains("lldpcli -f keyvalue show neighbors details ports eth0");
    }

    @Test
    void noNetworkManagerReadsAsDown() {
        answer = command -> new Commands.Result(127, "nmcli: command not found");
        NetworkStatus status = driver().read();
        assertThat(status.usable()).isFalse();
        assertThat(status.describe()).contains("IP 0.0.0.0 (network unavailable)");
    }

    @Test
    void anInterfaceNameMustBeOne() {
        assertThatThrownBy(() -> new NetworkManagerNetwork.Options("eth0; rm -rf /", root, Duration.ofSeconds(1), List.of()))
                .hasMessageContaining("not an interface name");
    }
}
