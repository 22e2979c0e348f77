package org.deskphone.sip;

import java.net.Inet6Address;
import java.net.InetAddress;

/** Where the phone listens for SIP: a transport, a local address and a port. */
public record LocalEndpoint(Transport transport, InetAddress address, int port) {

    public boolean ipv6() {
        return address instanceof Inet6Address;
    }

    /** {@code udp:127.0.0.1:5060}, {@code tls:[::1]:5061}: the form of the ready line. */
    @Override
    public String toString() {
        return transport.token() + ":" + AddressText.host(address) + ":" + port;
    }
}
