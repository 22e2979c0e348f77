package org.deskphone.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loopback ports for peers, free on UDP and TCP at once (SIP listens on both). Several checkouts may run
 * their suites on one machine at the same time, so ports are picked at random from a high range rather
 * than fixed.
 */
public final class FreePort {
    private static final int LOW = 20_000;
    private static final int HIGH = 60_000;

    private FreePort() {
    }

    /** A port free for UDP and TCP on 127.0.0.1. */
    public static int udpAndTcp() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOW, HIGH);
            if (free(port)) {
                return port;
            }
        }
        throw new UncheckedIOException(new IOException("no free loopback port found"));
    }

    /** {@code count} consecutive ports free for UDP (an RTP range). */
    public static int udpRange(int count) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int first = ThreadLocalRandom.current().nextInt(LOW, HIGH - count) & ~1;
            boolean all = true;
            for (int port = first; port < first + count && all; port++) {
                all = free(port);
            }
            if (all) {
                return first;
            }
        }
        throw new UncheckedIOException(new IOException("no free loopback port range of " + count));
    }

    private static boolean free(int port) {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket tcp = new ServerSocket()) {
            tcp.setReuseAddress(false);
            tcp.bind(new InetSocketAddress(loopback, port));
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, port))) {
                return true;
            }
        } catch (IOException e) {
            return false;
        }
    }
}
