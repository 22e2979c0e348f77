package org.deskphone.sip;

import java.net.Inet6Address;
import java.net.InetAddress;

/** IP addresses as SIP writes them: IPv6 in the short form of RFC 5952 ({@code ::1}), without a scope. */
public final class AddressText {

    private AddressText() {
    }

    public static String of(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        byte[] b = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        // The longest run of two or more zero groups becomes "::" (the first such run on a tie).
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < 8 && groups[i] == 0) {
                i++;
            }
            if (i - start > bestLength) {
                bestStart = start;
                bestLength = i - start;
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }

    /** Whether {@code literal} (as jain-sip reports a peer, maybe bracketed) is {@code address}. */
    static boolean same(InetAddress address, String literal) {
        if (literal == null) {
            return false;
        }
        String bare = literal.replace("[", "").replace("]", "");
        if (!ServerLocator.isLiteral(bare)) {
            return false;
        }
        try {
            return InetAddress.getByName(bare).equals(address);
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** As a SIP URI host: IPv6 in brackets. */
    static String host(InetAddress address) {
        return address instanceof Inet6Address ? "[" + of(address) + "]" : of(address);
    }
}
