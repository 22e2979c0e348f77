package org.deskphone.net;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.deskphone.hal.VoicePolicy;

/**
 * The marking of the phone's traffic in force: a DSCP and an 802.1p priority for SIP and for RTP. The
 * SIP user agent and the media engine take it from {@code NetworkService.qos()} and apply it with
 * {@link Dscp#applyTo}.
 *
 * @param sip         SIP's DSCP
 * @param rtp         RTP's DSCP
 * @param sipPriority SIP's 802.1p priority, used when the port is tagged
 * @param rtpPriority RTP's 802.1p priority, used when the port is tagged
 */
public record Qos(Dscp sip, Dscp rtp, int sipPriority, int rtpPriority) {

    /** The settings' own values, before DHCP and LLDP. */
    public record Settings(Dscp sip, Dscp rtp, OptionalInt sipPriority, OptionalInt rtpPriority, OptionalInt portPriority) {
        public static final Settings DEFAULT = new Settings(Dscp.AF31, Dscp.EF, OptionalInt.empty(), OptionalInt.empty(),
                OptionalInt.empty());
    }

    /** ALE's default 802.1p priority for both (L1649, L1673). */
    public static final int DEFAULT_PRIORITY = 5;

    public Qos {
        Objects.requireNonNull(sip, "sip");
        Objects.requireNonNull(rtp, "rtp");
        if (sipPriority < 0 || sipPriority > 7 || rtpPriority < 0 || rtpPriority > 7) {
            throw new IllegalArgumentException("802.1p priorities must be 0-7");
        }
    }

    /**
     * Decides the marking. A voice policy heard by LLDP sets RTP's DSCP and priority (it is what the
     * switch asks voice to carry). Otherwise priorities come from the settings made for each class (ALE),
     * then DHCP option 133 (ALE L526-528), then the port's VLAN priority (Yealink
     * {@code network.vlan.internet_port_priority}), then 5.
     */
    public static Qos decide(Settings settings, Optional<VoicePolicy> lldp, OptionalInt dhcpPriority) {
        int fallback = dhcpPriority.isPresent() ? dhcpPriority.getAsInt()
                : settings.portPriority().orElse(DEFAULT_PRIORITY);
        int sipPriority = settings.sipPriority().orElse(fallback);
        int rtpPriority = settings.rtpPriority().orElse(fallback);
        Dscp rtp = settings.rtp();
        if (lldp.isPresent()) {
            rtp = new Dscp(lldp.get().dscp());
            rtpPriority = lldp.get().priority();
        }
        return new Qos(settings.sip(), rtp, sipPriority, rtpPriority);
    }

    public Dscp dscp(TrafficClass traffic) {
        return traffic == TrafficClass.SIGNALLING ? sip : rtp;
    }

    public int priority(TrafficClass traffic) {
        return traffic == TrafficClass.SIGNALLING ? sipPriority : rtpPriority;
    }

    /** The 802.1p priority for each marked DSCP, for the system's VLAN egress mapping. */
    public Map<Integer, Integer> priorityByDscp() {
        if (sip.equals(rtp)) {
            return Map.of(rtp.value(), rtpPriority);
        }
        return Map.of(sip.value(), sipPriority, rtp.value(), rtpPriority);
    }
}
