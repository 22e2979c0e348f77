package org.deskphone.net.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiConsumer;
import org.deskphone.loop.Clock;
import org.junit.jupiter.api.Test;

/**
 * RFC 4330's checks on a reply, against a scripted responder on loopback that can misbehave in the ways
 * a real server (chrony, in {@code SntpIT}) does not on demand.
 */
class SntpClientTest {
    /** The phone's clock, one hour behind the real one. */
    private final Clock behind = new Clock() {
        @Override
        public long millis() {
            return System.nanoTime() / 1_000_000;
        }

        @Override
        public Instant now() {
            return Instant.now().minus(Duration.ofHours(1));
        }
    };

    @Test
    void ntpTimestampsRoundTripAndTheEraAfter2036IsKnown() {
        Instant t = Instant.parse("2026-11-22T10:15:30.250Z");
        assertThat(SntpClient.micros(SntpClient.ntp(t))).isEqualTo(t.toEpochMilli() * 1000);
        Instant after = Instant.parse("2040-01-01T00:00:00Z");
        assertThat(SntpClient.micros(SntpClient.ntp(after))).isEqualTo(after.toEpochMilli() * 1000);
        assertThat(SntpClient.ntp(after) >>> 32).as("era 1 wraps").isLessThan(0x8000_0000L);
    }

    @Test
    void theOffsetIsWhatTheServersClockSaysMinusOurs() throws Exception {
        try (Responder server = new Responder((request, reply) -> { })) {
            SntpClient.Sample sample = new SntpClient(behind, Duration.ofSeconds(2)).query(server.address());
            assertThat(sample.offset()).isBetween(Duration.ofMinutes(59).plusSeconds(59), Duration.ofMinutes(60).plusSeconds(1));
            assertThat(sample.stratum()).isEqualTo(2);
            assertThat(sample.roundTrip()).isLessThan(Duration.ofSeconds(1));
        }
    }

    @Test
    void aKissOfDeathIsARefusalWithItsCode() throws Exception {
        try (Responder server = new Responder((request, reply) -> {
            reply.put(1, (byte) 0);
            reply.put(12, (byte) 'R').put(13, (byte) 'A').put(14, (byte) 'T').put(15, (byte) 'E');
        })) {
            assertThatThrownBy(() -> new SntpClient(behind, Duration.ofSeconds(2)).query(server.address()))
                    .isInstanceOf(IOException.class).hasMessageContaining("kiss code RATE").hasMessageContaining("127.0.0.1");
        }
    }

    @Test
    void anUnsynchronisedServerIsNotBelieved() throws Exception {
        try (Responder server = new Responder((request, reply) -> reply.put(0, (byte) (3 << 6 | 4 << 3 | 4)))) {
            assertThatThrownBy(() -> new SntpClient(behind, Duration.ofSeconds(2)).query(server.address()))
                    .hasMessageContaining("not synchronised");
        }
    }

    @Test
    void aReplyInAnotherModeIsRefused() throws Exception {
        try (Responder server = new Responder((request, reply) -> reply.put(0, (byte) (4 << 3 | 3)))) {
            assertThatThrownBy(() -> new SntpClient(behind, Duration.ofSeconds(2)).query(server.address()))
                    .hasMessageContaining("mode 3");
        }
    }

    /** A reply that does not echo our transmit time answers someone else's request: it is dropped. */
    @Test
    void aReplyToAnotherRequestIsIgnoredUntilTheTimeout() throws Exception {
        try (Responder server = new Responder((request, reply) -> reply.putLong(24, 42L))) {
            assertThatThrownBy(() -> new SntpClient(behind, Duration.ofMillis(300)).query(server.address()))
                    .hasMessageContaining("did not answer within 300 ms");
        }
    }

    @Test
    void anUnresolvedServerIsNotAsked() {
        assertThatThrownBy(() -> new SntpClient(behind, Duration.ofMillis(100))
                .query(InetSocketAddress.createUnresolved("ntp.invalid", 123))).hasMessageContaining("not resolved");
    }

    /** Answers each request as a stratum-2 server with the real time, after {@code tamper} edits the reply. */
    private static final class Responder implements AutoCloseable {
        private final DatagramSocket socket;
        private final Thread thread;

        Responder(BiConsumer<ByteBuffer, ByteBuffer> tamper) throws IOException {
            socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
            thread = new Thread(() -> {
                byte[] in = new byte[48];
                while (!socket.isClosed()) {
                    try {
                        DatagramPacket request = new DatagramPacket(in, in.length);
                        socket.receive(request);
                        long received = SntpClient.ntp(Instant.now());
                        ByteBuffer reply = ByteBuffer.allocate(48);
                        reply.put(0, (byte) (4 << 3 | 4)).put(1, (byte) 2);
                        reply.putLong(24, ByteBuffer.wrap(in).getLong(40));
                        reply.putLong(32, received);
                        reply.putLong(40, SntpClient.ntp(Instant.now()));
                        tamper.accept(ByteBuffer.wrap(in), reply);
                        socket.send(new DatagramPacket(reply.array(), 48, request.getSocketAddress()));
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "test-sntp-responder");
            thread.setDaemon(true);
            thread.start();
        }

        InetSocketAddress address() {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
        }

        @Override
        public void close() throws InterruptedException {
            socket.close();
            thread.join(1000);
        }
    }
}
