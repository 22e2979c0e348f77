package org.deskphone.sip;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SIP peer that is only a UDP socket on 127.0.0.1: for the messages no well-behaved peer sends
 * (malformed, hostile, retransmitted at the wrong time), written out byte for byte by the test.
 */
final class RawSip implements AutoCloseable {
    final DatagramSocket socket;

    RawSip() throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    int port() {
        return socket.getLocalPort();
    }

    void send(String message, int toPort) throws IOException {
        send(message.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8), toPort);
    }

    void send(byte[] bytes, int toPort) throws IOException {
        socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), toPort));
    }

    /** The next message, or empty after {@code timeout}. */
    Optional<String> receive(Duration timeout) throws IOException {
        socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
        byte[] buffer = new byte[65536];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(packet);
            return Optional.of(new String(buffer, 0, packet.getLength(), StandardCharsets.UTF_8));
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        }
    }

    /** The next message whose first line starts with {@code start} (others are skipped); fails after {@code timeout}. */
    String expect(String start, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        StringBuilder skipped = new StringBuilder();
        while (System.nanoTime() < deadline) {
            Optional<String> message = receive(Duration.ofNanos(deadline - System.nanoTime()));
            if (message.isPresent()) {
                if (message.get().startsWith(start)) {
                    return message.get();
                }
                skipped.append(message.get().lines().findFirst().orElse("")).append('\n');
            }
        }
        throw new AssertionError("no '" + start + "' within " + timeout + "; got:\n" + skipped);
    }

    /** The next response for {@code callId} (others are skipped). */
    String expectResponse(String callId, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> message = receive(Duration.ofNanos(deadline - System.nanoTime()));
            if (message.isPresent() && message.get().startsWith("SIP/2.0 ") && header(message.get(), "Call-ID").equals(callId)) {
                return message.get();
            }
        }
        throw new AssertionError("no response for " + callId + " within " + timeout);
    }

    static String header(String message, String name) {
        Matcher m = Pattern.compile("(?im)^" + Pattern.quote(name) + "\\s*:\\s*(.*?)\\r?$").matcher(message);
        return m.find() ? m.group(1).trim() : "";
    }

    static int status(String response) {
        return Integer.parseInt(response.substring(8, 11));
    }

    @Override
    public void close() {
        socket.close();
    }
}
