package org.deskphone.sip.sdp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/** A {@code c=IN IP4|IP6 address} line. The address is an IP literal; SDP from peers with names is refused. */
public record Connection(String address, boolean ipv6) {

    public Connection {
        Objects.requireNonNull(address, "address");
    }

    public static Connection of(InetAddress address) {
        return new Connection(org.deskphone.sip.AddressText.of(address), address instanceof java.net.Inet6Address);
    }

    static Connection parse(String value) throws SdpException {
        String[] parts = value.trim().split("\\s+");
        if (parts.length < 3 || !parts[0].equals("IN") || !(parts[1].equals("IP4") || parts[1].equals("IP6"))) {
            throw new SdpException("c= line is not 'IN IP4|IP6 address': " + value);
        }
        String address = parts[2];
        int slash = address.indexOf('/');
        if (slash >= 0) {
            address = address.substring(0, slash); // multicast TTL: not used by phones
        }
        if (!address.matches("[0-9A-Fa-f:.]+")) {
            throw new SdpException("c= address is not an IP literal: " + parts[2]);
        }
        return new Connection(address, parts[1].equals("IP6"));
    }

    /** RFC 2543 hold: {@code c=IN IP4 0.0.0.0}. */
    public boolean isHold() {
        return address.equals("0.0.0.0") || address.equals("::");
    }

    public InetAddress inetAddress() throws SdpException {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new SdpException("c= address is not valid: " + address);
        }
    }

    @Override
    public String toString() {
        return "c=IN " + (ipv6 ? "IP6 " : "IP4 ") + address;
    }
}
