package org.deskphone.sip;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.deskphone.hal.NetworkStatus;

/** IP addresses as SIP writes them: IPv6 in the short form of RFC 5952 ({@code ::1}), without a scope. */
public final class AddressText {

    private AddressText() {
    }

    public static String of(InetAddress address) {
        return NetworkStatus.text(address);
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
