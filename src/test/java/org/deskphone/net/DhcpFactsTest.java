package org.deskphone.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.deskphone.hal.DhcpLease;
import org.deskphone.provision.dhcp.DhcpSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How each DHCP option the phone uses is read (ALE L299-584, Yealink L2857-2907). */
class DhcpFactsTest {

    private static DhcpSource.Found lease(Map<Integer, byte[]> v4, Map<Integer, byte[]> v6) {
        return DhcpFacts.fromLease(DhcpLease.of(v4, v6));
    }

    private static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    @Test
    void option42IsAListOfSntpServersAndDhcpv6Option31AddsItsOwn() throws Exception {
        Map<Integer, byte[]> v6 = new HashMap<>();
        v6.put(31, InetAddress.getByName("2001:db8::123").getAddress());
        DhcpFacts facts = DhcpFacts.gather(List.of(lease(Map.of(42, bytes(10, 0, 0, 1, 10, 0, 0, 2)), v6)), List.of(132));
        assertThat(facts.sntpServers()).containsExactly("10.0.0.1", "10.0.0.2", "2001:db8:0:0:0:0:0:123");
    }

    @Test
    void aRaggedAddressListIsLeftOutNotGuessed() {
        DhcpFacts facts = DhcpFacts.gather(List.of(lease(Map.of(42, bytes(10, 0, 0, 1, 10)), Map.of())), List.of(132));
        assertThat(facts.sntpServers()).isEmpty();
    }

    /** ALE L530-548: option 100 carries the POSIX TZ string, as text. */
    @Test
    void option100IsThePosixZoneAnd101TheTzNameAnd2TheOffset() {
        DhcpFacts facts = DhcpFacts.gather(List.of(lease(Map.of(100, text("PST8PDT,M3.2.0/2:00:00,M11.1.0/2:00:00\0"),
                101, text("America/Los_Angeles"), 2, bytes(0xff, 0xff, 0x8f, 0x80)), Map.of())), List.of(132));
        assertThat(facts.zone().posix()).contains("PST8PDT,M3.2.0/2:00:00,M11.1.0/2:00:00");
        assertThat(facts.zone().tzName()).contains("America/Los_Angeles");
        assertThat(facts.zone().offsetSeconds()).contains(-28_800);
    }

    /** Servers send a VLAN ID as a number of 1, 2 or 4 bytes, or as text. */
    @ParameterizedTest
    @CsvSource({"1e, 30", "001e, 30", "0000001e, 30", "35, 53", "0ffe, 4094", "0fff, -1", "00, -1", "000000, -1",
        "3330, 30", "564c414e2d413d3330, 30", "6e6f6e65, -1"})
    void vlanIdsInEveryEncoding(String hex, int expected) {
        byte[] value = java.util.HexFormat.of().parseHex(hex);
        assertThat(DhcpFacts.vlanId(value)).isEqualTo(expected < 0 ? OptionalInt.empty() : OptionalInt.of(expected));
    }

    @Test
    void option132And43Sub58AreReadSideBySide() {
        DhcpFacts facts = DhcpFacts.gather(List.of(lease(Map.of(43, bytes(58, 2, 0, 20, 66, 3, 'a', 'b', 'c'),
                132, bytes(30)), Map.of())), List.of(132));
        assertThat(facts.vendorVlan()).hasValue(20);
        assertThat(facts.optionVlan()).hasValue(30);
    }

    /** Yealink network.vlan.dhcp_option (L2885-2907): the first configured option present carries it. */
    @Test
    void theVlanOptionsAreTriedInTheirOrder() {
        DhcpSource.Found source = lease(Map.of(132, bytes(30), 150, bytes(0, 40)), Map.of());
        assertThat(DhcpFacts.gather(List.of(source), List.of(150, 132)).optionVlan()).hasValue(40);
        assertThat(DhcpFacts.gather(List.of(source), List.of(140, 132)).optionVlan()).hasValue(30);
        assertThat(DhcpFacts.gather(List.of(source), List.of(140)).optionVlan()).isEmpty();
    }

    /** ALE L526-528: option 133 is the 802.1p priority. */
    @Test
    void option133IsAPriority() {
        assertThat(DhcpFacts.priority(bytes(5))).hasValue(5);
        assertThat(DhcpFacts.priority(text("6"))).hasValue(6);
        assertThat(DhcpFacts.priority(bytes(9))).isEmpty();
        assertThat(DhcpFacts.priority(text("high"))).isEmpty();
    }

    @Test
    void namesAndDnsAreRead() throws Exception {
        DhcpFacts facts = DhcpFacts.gather(List.of(lease(Map.of(12, text("phone-1"), 15, text("example.net"),
                6, bytes(9, 9, 9, 9)), Map.of(23, InetAddress.getByName("2001:db8::53").getAddress()))), List.of(132));
        assertThat(facts.hostname()).contains("phone-1");
        assertThat(facts.domain()).contains("example.net");
        assertThat(facts.dnsServers()).containsExactly(InetAddress.getByName("9.9.9.9"), InetAddress.getByName("2001:db8::53"));
    }

    /** The DHCPINFORM answer comes before the system's lease, option by option. */
    @Test
    void theFirstSourceWinsOptionByOption() {
        DhcpSource.Found inform = lease(Map.of(66, text("http://inform/"), 42, bytes(10, 0, 0, 9)), Map.of());
        DhcpSource.Found system = lease(Map.of(66, text("http://lease/"), 67, text("/cfg"), 100, text("UTC0"),
                43, bytes(58, 1, 20)), Map.of());
        DhcpFacts facts = DhcpFacts.gather(List.of(inform, system), List.of(132));
        assertThat(facts.options().v4().orElseThrow().text(66)).contains("http://inform/");
        assertThat(facts.options().v4().orElseThrow().text(67)).contains("/cfg");
        assertThat(facts.sntpServers()).containsExactly("10.0.0.9");
        assertThat(facts.zone().posix()).contains("UTC0");
        assertThat(facts.vendorVlan()).as("43 from the only source that has it").hasValue(20);
    }

    /**
     * Provisioning reads its options from the merged set: 66, 67, the custom ones and, for DHCPv6, both 17
     * and 59, of which it prefers 17 (ALE L580-583, E-15; provision's ServerDiscovery).
     */
    @Test
    void provisioningOptionsPassThroughUntouched() {
        byte[] vendor17 = bytes(0, 0, 0x0c, 0x0b, 0, 1, 0, 3, 'u', 'r', 'l');
        DhcpSource.Found source = lease(Map.of(66, text("10.0.0.5"), 150, text("tftp://x/")), Map.of(17, vendor17, 59, text("b")));
        DhcpFacts facts = DhcpFacts.gather(List.of(source), List.of(132));
        assertThat(facts.options().v4().orElseThrow().text(150)).contains("tftp://x/");
        assertThat(facts.options().v6().orElseThrow().vendorUrl()).contains("url");
        assertThat(facts.options().v6().orElseThrow().bootfileUrl()).contains("b");
    }

    @Test
    void malformedVendorOptionsGiveNoVlan() {
        assertThat(DhcpFacts.gather(List.of(lease(Map.of(43, bytes(58, 5, 0, 20)), Map.of())), List.of(132)).vendorVlan()).isEmpty();
        assertThat(DhcpFacts.gather(List.of(lease(Map.of(43, bytes(0, 58, 1, 20, 255, 99)), Map.of())), List.of(132)).vendorVlan())
                .hasValue(20);
        assertThat(DhcpFacts.NONE.sntpServers()).isEmpty();
        assertThat(DhcpFacts.NONE.options()).isEqualTo(DhcpSource.Found.NONE);
        assertThat(DhcpFacts.text(bytes(0x41, 0x07, 0x42))).isEmpty();
    }
}
