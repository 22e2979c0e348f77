package org.deskphone.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.deskphone.hal.DhcpLease;
import org.deskphone.hal.VoicePolicy;
import org.junit.jupiter.api.Test;

/** VLAN precedence: ALE L596-597 (LLDP, then DHCP, then manual) and L710-712 (43.58 before 132); digest E-16. */
class VlanTest {
    private static final Optional<VoicePolicy> LLDP_10 = Optional.of(new VoicePolicy(10, 5, 46));
    private static final Vlan.Settings MANUAL_40 = new Vlan.Settings(true, 40, true, List.of(132), true);

    private static DhcpFacts dhcp(boolean sub58, boolean option132) {
        Map<Integer, byte[]> options = new java.util.HashMap<>();
        if (sub58) {
            options.put(43, new byte[] {58, 1, 20});
        }
        if (option132) {
            options.put(132, new byte[] {30});
        }
        return DhcpFacts.gather(List.of(DhcpFacts.fromLease(DhcpLease.of(options, Map.of()))), List.of(132));
    }

    /** E-16: LLDP 10, DHCP 43.58 20, option 132 30, manual 40. */
    @Test
    void e16EachSourceInTurn() {
        assertThat(Vlan.choose(MANUAL_40, LLDP_10, dhcp(true, true), Vlan.UNTAGGED))
                .isEqualTo(new Vlan(OptionalInt.of(10), Vlan.Source.LLDP));
        assertThat(Vlan.choose(MANUAL_40, Optional.empty(), dhcp(true, true), Vlan.UNTAGGED))
                .isEqualTo(new Vlan(OptionalInt.of(20), Vlan.Source.DHCP_VENDOR));
        assertThat(Vlan.choose(MANUAL_40, Optional.empty(), dhcp(false, true), Vlan.UNTAGGED))
                .isEqualTo(new Vlan(OptionalInt.of(30), Vlan.Source.DHCP_OPTION));
        assertThat(Vlan.choose(MANUAL_40, Optional.empty(), dhcp(false, false), Vlan.UNTAGGED))
                .isEqualTo(new Vlan(OptionalInt.of(40), Vlan.Source.MANUAL));
        assertThat(Vlan.choose(Vlan.Settings.DEFAULT, Optional.empty(), dhcp(false, false), Vlan.UNTAGGED))
                .isEqualTo(Vlan.UNTAGGED);
    }

    @Test
    void switchedOffSourcesAreSkipped() {
        Vlan.Settings noLldpNoDhcp = new Vlan.Settings(true, 40, false, List.of(132), false);
        assertThat(Vlan.choose(noLldpNoDhcp, LLDP_10, dhcp(true, true), Vlan.UNTAGGED).id()).hasValue(40);
        Vlan.Settings noLldp = new Vlan.Settings(true, 40, true, List.of(132), false);
        assertThat(Vlan.choose(noLldp, LLDP_10, dhcp(true, true), Vlan.UNTAGGED).id()).hasValue(20);
    }

    /** A policy with VLAN 0 asks for priority tagging only: it does not choose a VLAN. */
    @Test
    void lldpPriorityTaggingOnlyChoosesNoVlan() {
        assertThat(Vlan.choose(MANUAL_40, Optional.of(new VoicePolicy(0, 5, 46)), dhcp(false, false), Vlan.UNTAGGED).id())
                .hasValue(40);
    }

    /**
     * On the voice VLAN the DHCP server usually does not repeat option 132; the VLAN learned on the data
     * VLAN is kept rather than falling back to the manual one (which would loop).
     */
    @Test
    void aLearnedVlanIsKeptWhileTheNetworkIsSilentAndDroppedWhenItsSourceIsSwitchedOff() {
        Vlan learned = new Vlan(OptionalInt.of(30), Vlan.Source.DHCP_OPTION);
        assertThat(Vlan.choose(MANUAL_40, Optional.empty(), dhcp(false, false), learned)).isEqualTo(learned);
        Vlan.Settings dhcpOff = new Vlan.Settings(true, 40, false, List.of(132), true);
        assertThat(Vlan.choose(dhcpOff, Optional.empty(), dhcp(false, false), learned).id()).hasValue(40);
        Vlan fromLldp = new Vlan(OptionalInt.of(10), Vlan.Source.LLDP);
        Vlan.Settings lldpOff = new Vlan.Settings(false, 1, true, List.of(132), false);
        assertThat(Vlan.choose(lldpOff, Optional.empty(), dhcp(false, false), fromLldp)).isEqualTo(Vlan.UNTAGGED);
        assertThat(Vlan.choose(MANUAL_40, Optional.empty(), dhcp(false, true), learned).id()).as("new DHCP value wins").hasValue(30);
    }
}
