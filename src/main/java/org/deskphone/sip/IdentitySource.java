package org.deskphone.sip;

import java.util.List;

/**
 * Where the caller's identity comes from (RFC 3325 P-Asserted-Identity, the Remote-Party-ID draft, From),
 * tried in the configured order. ALE {@code AccountXCallerSource} (seed L12429) is a list of 0 PAI, 1 RPID,
 * 2 From; Yealink {@code account.X.cid_source} (seed L13461) names whole orders.
 */
public enum IdentitySource {
    PAI, RPID, FROM;

    public static IdentitySource fromAleCode(int code) {
        IdentitySource[] all = values();
        if (code < 0 || code >= all.length) {
            throw new IllegalArgumentException("caller identity source must be 0 (PAI), 1 (RPID) or 2 (From), not " + code);
        }
        return all[code];
    }

    /** Yealink: 0 FROM, 1 PAI, 2 PAI-FROM, 3 RPID-PAI-FROM, 4 PAI-RPID-FROM, 5 RPID-FROM. */
    public static List<IdentitySource> yealinkOrder(int code) {
        return switch (code) {
            case 0 -> List.of(FROM);
            case 1 -> List.of(PAI);
            case 2 -> List.of(PAI, FROM);
            case 3 -> List.of(RPID, PAI, FROM);
            case 4 -> List.of(PAI, RPID, FROM);
            case 5 -> List.of(RPID, FROM);
            default -> throw new IllegalArgumentException("caller ID source must be 0-5, not " + code);
        };
    }
}
