package org.deskphone.net.time;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.deskphone.loop.Clock;

/**
 * One SNTP exchange (RFC 4330): a client request, the server's reply checked the way §5 asks (mode,
 * stratum, kiss-o'-death, leap indicator, our own transmit time echoed back), and the clock offset and
 * round trip computed from the four timestamps. Blocking: run it off the phone loop.
 */
public final class SntpClient {
    public static final int PORT = 123;
    private static final long SECONDS_1900_TO_1970 = 2_208_988_800L;
    private static final int PACKET = 48;

    /** What one exchange measured. */
    public record Sample(InetSocketAddress server, Duration offset, Duration roundTrip, int stratum) {
    }

    private final Clock clock;
    private final Duration timeout;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param clock   the clock whose offset is measured: its {@link Clock#now()} stamps the request, its
     *                monotonic {@link Clock#millis()} times the round trip
     * @param timeout how long to wait for the reply
     */
    public SntpClient(Clock clock, Duration timeout) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeout = timeout;
    }

    /**
     * Asks {@code server} for the time.
     *
     * @throws IOException naming the server, when it does not answer in time or its answer is unusable
     */
    public Sample query(InetSocketAddress server) throws IOException {
        if (server.isUnresolved()) {
            throw new IOException("SNTP server " + server.getHostString() + " is not resolved");
        }
        byte[] request = new byte[PACKET];
        request[0] = (byte) (4 << 3 | 3); // LI 0, version 4, mode 3 (client)
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(server);
            socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
            long startMillis = clock.millis();
            Instant sent = clock.now();
            // The low bits below the clock's resolution are random, so a reply must come from whoever saw the request.
            long transmit = ntp(sent) ^ (random.nextInt() & 0x3ff);
            ByteBuffer.wrap(request).putLong(40, transmit);
            socket.send(new DatagramPacket(request, request.length));
            byte[] reply = new byte[PACKET + 64];
            DatagramPacket packet = new DatagramPacket(reply, reply.length);
            long deadline = startMillis + timeout.toMillis();
            while (true) {
                try {
                    socket.receive(packet);
                } catch (SocketTimeoutException e) {
                    throw new IOException("SNTP server " + describe(server) + " did not answer within " + timeout.toMillis() + " ms");
                }
                long elapsed = clock.millis() - startMillis;
                ByteBuffer in = ByteBuffer.wrap(reply, 0, packet.getLength());
                if (packet.getLength() >= PACKET && in.getLong(24) == transmit) {
                    return sample(server, in, sent, elapsed);
                }
                if (clock.millis() >= deadline) {
                    throw new IOException("SNTP server " + describe(server) + " sent no reply to our request");
                }
            }
        }
    }

    private Sample sample(InetSocketAddress server, ByteBuffer in, Instant sent, long elapsedMillis) throws IOException {
        int first = in.get(0) & 0xff;
        int leap = first >> 6;
        int version = first >> 3 & 7;
        int mode = first & 7;
        int stratum = in.get(1) & 0xff;
        if (mode != 4) {
            throw new IOException("SNTP server " + describe(server) + " answered in mode " + mode + ", not 4 (server)");
        }
        if (version < 1 || version > 4) {
            throw new IOException("SNTP server " + describe(server) + " answered with version " + version);
        }
        if (stratum == 0) {
            String kiss = new String(new byte[] {in.get(12), in.get(13), in.get(14), in.get(15)}, java.nio.charset.StandardCharsets.US_ASCII);
            throw new IOException("SNTP server " + describe(server) + " refused (kiss code " + kiss.trim() + ")");
        }
        if (stratum > 15 || leap == 3) {
            throw new IOException("SNTP server " + describe(server) + " is not synchronised (stratum " + stratum + ", leap " + leap + ")");
        }
        long receiveNtp = in.getLong(32);
        long transmitNtp = in.getLong(40);
        if (transmitNtp == 0) {
            throw new IOException("SNTP server " + describe(server) + " sent no transmit time");
        }
        long t1 = sent.getEpochSecond() * 1_000_000L + sent.getNano() / 1000;
        long t4 = t1 + elapsedMillis * 1000;
        long t2 = micros(receiveNtp);
        long t3 = micros(transmitNtp);
        long offset = ((t2 - t1) + (t3 - t4)) / 2;
        long roundTrip = Math.max(0, (t4 - t1) - (t3 - t2));
        return new Sample(server, Duration.ofNanos(offset * 1000), Duration.ofNanos(roundTrip * 1000), stratum);
    }

    /** An instant as an NTP timestamp: seconds since 1900 and a 32-bit fraction. */
    static long ntp(Instant instant) {
        long seconds = instant.getEpochSecond() + SECONDS_1900_TO_1970;
        long fraction = ((long) instant.getNano() << 32) / 1_000_000_000L;
        return seconds << 32 | fraction;
    }

    /** An NTP timestamp as microseconds since 1970, era by RFC 4330 §3 (MSB clear: 2036-2104). */
    static long micros(long ntp) {
        long seconds = ntp >>> 32;
        if ((seconds & 0x8000_0000L) == 0) {
            seconds += 1L << 32;
        }
        long fraction = ntp & 0xffff_ffffL;
        return (seconds - SECONDS_1900_TO_1970) * 1_000_000L + (fraction * 1_000_000L >>> 32);
    }

    private static String describe(InetSocketAddress server) {
        String name = server.getHostString();
        String ip = server.getAddress() == null ? name : server.getAddress().getHostAddress();
        return (name.equals(ip) ? name : name + " (" + ip + ")") + ":" + server.getPort();
    }
}
