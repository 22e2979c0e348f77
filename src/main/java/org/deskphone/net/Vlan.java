package org.deskphone.net;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.deskphone.hal.VoicePolicy;

/**
 * The VLAN the phone's port tags with, and where that came from. The ALE manual's order is LLDP, then
 * DHCP, then manual (L596-597), and within DHCP option 43 sub-option 58 before option 132 (L710-712);
 * Yealink lets DHCP VLAN be switched off and chooses the options (L2857-2907).
 *
 * @param id     the VLAN ID; empty for an untagged port
 * @param source where it came from
 */
public record Vlan(OptionalInt id, Source source) {

    public enum Source { NONE, MANUAL, DHCP_OPTION, DHCP_VENDOR, LLDP }

    public static final Vlan UNTAGGED = new Vlan(OptionalInt.empty(), Source.NONE);

    /**
     * The VLAN settings.
     *
     * @param manual      the port is tagged by hand (ALE {@code DeviceNetworkLanVlanEnable}, Yealink
     *                    {@code network.vlan.internet_port_enable})
     * @param manualId    the ID set by hand
     * @param dhcp        VLAN may come from DHCP (Yealink {@code network.vlan.dhcp_enable})
     * @param dhcpOptions the options that carry it (Yealink {@code network.vlan.dhcp_option})
     * @param lldp        VLAN may come from LLDP-MED (ALE {@code DeviceNetworkLldpVlanEnable}, Yealink
     *                    {@code network.lldp.enable})
     */
    public record Settings(boolean manual, int manualId, boolean dhcp, List<Integer> dhcpOptions, boolean lldp) {
        public static final Settings DEFAULT = new Settings(false, 1, true, List.of(DhcpFacts.VLAN), true);

        public Settings {
            dhcpOptions = List.copyOf(dhcpOptions);
            if (manual && (manualId < 1 || manualId > 4094)) {
                throw new IllegalArgumentException("manual VLAN ID must be 1-4094, not " + manualId);
            }
        }
    }

    public Vlan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
    }

    /**
     * Applies the precedence to what LLDP and DHCP said. A VLAN learned earlier ({@code learned}) is kept
     * while LLDP and DHCP are silent, ahead of the manual one: the voice VLAN's own DHCP server rarely
     * repeats the option that sent the phone there, and forgetting it would send the phone back to the
     * data VLAN in a loop.
     */
    public static Vlan choose(Settings settings, Optional<VoicePolicy> lldp, DhcpFacts dhcp, Vlan learned) {
        if (settings.lldp() && lldp.isPresent() && lldp.get().vlanId() >= 1) {
            return new Vlan(OptionalInt.of(lldp.get().vlanId()), Source.LLDP);
        }
        if (settings.dhcp()) {
            if (dhcp.vendorVlan().isPresent()) {
                return new Vlan(dhcp.vendorVlan(), Source.DHCP_VENDOR);
            }
            if (dhcp.optionVlan().isPresent()) {
                return new Vlan(dhcp.optionVlan(), Source.DHCP_OPTION);
            }
        }
        boolean stillAllowed = learned.source() == Source.LLDP ? settings.lldp()
                : (learned.source() == Source.DHCP_VENDOR || learned.source() == Source.DHCP_OPTION) && settings.dhcp();
        if (stillAllowed && learned.id().isPresent()) {
            return learned;
        }
        if (settings.manual()) {
            return new Vlan(OptionalInt.of(settings.manualId()), Source.MANUAL);
        }
        return UNTAGGED;
    }

    /** True when this VLAN was learned from the network (LLDP or DHCP) rather than set. */
    public boolean learned() {
        return source == Source.LLDP || source == Source.DHCP_VENDOR || source == Source.DHCP_OPTION;
    }

    @Override
    public String toString() {
        return id.isPresent() ? "VLAN " + id.getAsInt() + " (" + source + ")" : "untagged";
    }
}
