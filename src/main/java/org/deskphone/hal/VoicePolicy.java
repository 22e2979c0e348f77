package org.deskphone.hal;

/**
 * The voice network policy a switch advertises by LLDP-MED (ANSI/TIA-1057 §10.2.3.2): the VLAN voice
 * traffic belongs in, its 802.1p priority and its DSCP.
 *
 * @param vlanId   1-4094, or 0 for priority tagging only
 * @param priority 802.1p priority 0-7
 * @param dscp     DiffServ code point 0-63
 */
public record VoicePolicy(int vlanId, int priority, int dscp) {

    public VoicePolicy {
        if (vlanId < 0 || vlanId > 4094) {
            throw new IllegalArgumentException("LLDP-MED voice VLAN must be 0-4094, not " + vlanId);
        }
        if (priority < 0 || priority > 7) {
            throw new IllegalArgumentException("802.1p priority must be 0-7, not " + priority);
        }
        if (dscp < 0 || dscp > 63) {
            throw new IllegalArgumentException("DSCP must be 0-63, not " + dscp);
        }
    }
}
