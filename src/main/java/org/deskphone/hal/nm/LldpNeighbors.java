package org.deskphone.hal.nm;

import java.util.Optional;
import org.deskphone.hal.VoicePolicy;

/**
 * The voice policy in lldpd's view of a port's neighbours ({@code lldpcli -f keyvalue show neighbors
 * details ports PORT}): the LLDP-MED network policy whose application type is Voice, with its VLAN ID
 * ({@code 0} when the switch asks only for priority tagging), 802.1p priority and DSCP.
 */
final class LldpNeighbors {

    private LldpNeighbors() {
    }

    static Optional<VoicePolicy> voicePolicy(String keyValues, String port) {
        String prefix = "lldp." + port + ".lldp-med.policy.";
        boolean voice = false;
        int vlan = 0;
        int pcp = -1;
        int dscp = -1;
        for (String line : keyValues.split("\n")) {
            int equals = line.indexOf('=');
            if (!line.startsWith(prefix) || equals < 0) {
                continue;
            }
            String key = line.substring(prefix.length(), equals);
            String value = line.substring(equals + 1).trim();
            if (key.equals("apptype")) {
                if (voice && pcp >= 0 && dscp >= 0) {
                    break; // the voice policy is complete; another application's starts here
                }
                voice = value.equalsIgnoreCase("Voice");
                vlan = 0;
                pcp = -1;
                dscp = -1;
                continue;
            }
            if (!voice) {
                continue;
            }
            try {
                switch (key) {
                    case "vlan.vid" -> vlan = Integer.parseInt(value);
                    case "pcp" -> pcp = Integer.parseInt(value);
                    case "dscp" -> dscp = Integer.parseInt(value);
                    default -> { }
                }
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        if (!voice || pcp < 0 || dscp < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new VoicePolicy(vlan, pcp, dscp));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
