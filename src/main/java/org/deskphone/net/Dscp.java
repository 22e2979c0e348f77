package org.deskphone.net;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;

/**
 * A DiffServ code point (RFC 2474), 0-63, as the manuals set it for SIP and RTP ("TOS/Diffserv": ALE
 * L1627-1694, Yealink L3103-3137), and the way to mark a socket's packets with it: the IP header's TOS /
 * traffic class byte carries it shifted left by two (46, EF, is {@code 0xB8}). On Linux the same call
 * marks IPv4 and IPv6 sockets.
 */
public record Dscp(int value) {
    public static final Dscp BEST_EFFORT = new Dscp(0);
    /** Expedited Forwarding, RFC 3246: voice. */
    public static final Dscp EF = new Dscp(46);
    /** Class selector 3, RFC 4594's signalling class. */
    public static final Dscp CS3 = new Dscp(24);
    /** Assured Forwarding 31: Yealink's default for SIP. */
    public static final Dscp AF31 = new Dscp(26);
    /** Class selector 5: ALE's default for SIP. */
    public static final Dscp CS5 = new Dscp(40);

    public Dscp {
        if (value < 0 || value > 63) {
            throw new IllegalArgumentException("DSCP must be 0-63, not " + value);
        }
    }

    /** The TOS / traffic class byte: the code point in its upper six bits. */
    public int tos() {
        return value << 2;
    }

    public void applyTo(DatagramSocket socket) throws SocketException {
        socket.setTrafficClass(tos());
    }

    public void applyTo(Socket socket) throws SocketException {
        socket.setTrafficClass(tos());
    }

    /** Marks the connections a server socket accepts (their TOS is inherited from the listener). */
    public void applyTo(ServerSocket socket) throws IOException {
        socket.setOption(StandardSocketOptions.IP_TOS, tos());
    }

    /** A {@code DatagramChannel}, {@code SocketChannel} or {@code ServerSocketChannel}. */
    public void applyTo(NetworkChannel channel) throws IOException {
        channel.setOption(StandardSocketOptions.IP_TOS, tos());
    }

    /** The code point's RFC name where it has one (EF, AF31, CS5), else its number. */
    public String name() {
        if (value == 46) {
            return "EF";
        }
        if (value == 44) {
            return "VA";
        }
        if (value % 8 == 0) {
            return "CS" + value / 8;
        }
        int precedence = value >> 3;
        int drop = (value >> 1) & 3;
        if ((value & 1) == 0 && precedence >= 1 && precedence <= 4 && drop >= 1) {
            return "AF" + precedence + drop;
        }
        return Integer.toString(value);
    }

    @Override
    public String toString() {
        return name() + " (" + value + ")";
    }
}
