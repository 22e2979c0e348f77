package org.deskphone.net.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tinylog.Level;
import org.tinylog.core.LogEntry;
import org.tinylog.runtime.RuntimeProvider;

/** RFC 5424 messages, their framing, the manuals' levels, and a dead server that must not hold the phone up. */
class SyslogMessageTest {

    @AfterEach
    void stop() {
        RemoteSyslog.stop(Duration.ofMillis(100));
    }

    @Test
    void theHeaderFollowsRfc5424() {
        assertThat(SyslogMessage.format(16, 3, Instant.parse("2026-11-22T10:15:30.123456Z"), "phone-7", 4242, "SipStack",
                "REGISTER refused")).isEqualTo("<131>1 2026-11-22T10:15:30.123456Z phone-7 deskphone 4242 SipStack - REGISTER refused");
        assertThat(SyslogMessage.format(1, 7, Instant.EPOCH, "", 1, "a very long message id that goes on and on", "x"))
                .isEqualTo("<15>1 1970-01-01T00:00:00.000000Z - deskphone 1 a_very_long_message_id_that_goes - x");
    }

    /** Severities (RFC 5424 §6.2.1) of tinylog's levels, and Yealink's syslog.log_level (L3487). */
    @Test
    void levels() {
        assertThat(SyslogMessage.severity(Level.ERROR)).isEqualTo(3);
        assertThat(SyslogMessage.severity(Level.WARN)).isEqualTo(4);
        assertThat(SyslogMessage.severity(Level.INFO)).isEqualTo(6);
        assertThat(SyslogMessage.severity(Level.DEBUG)).isEqualTo(7);
        assertThat(SyslogMessage.severity(Level.TRACE)).isEqualTo(7);
        assertThat(SyslogSettings.severityOfYealinkLevel(3)).isEqualTo(3);
        assertThat(SyslogSettings.severityOfYealinkLevel(6)).isEqualTo(7);
        assertThatThrownBy(() -> SyslogSettings.severityOfYealinkLevel(7)).hasMessageContaining("0-6");
    }

    /** RFC 6587 §3.4.1 octet counting, in bytes not characters. */
    @Test
    void tcpAndTlsCountOctets() {
        assertThat(new String(SyslogMessage.frame("<14>1 - h a 1 - - h\u00e9"), StandardCharsets.UTF_8))
                .isEqualTo("21 <14>1 - h a 1 - - h\u00e9");
    }

    /** RFC 5426 §3.2: long UDP messages are cut, never in the middle of a character. */
    @Test
    void udpMessagesAreCutAt2048BytesOnACharacter() {
        String message = "x".repeat(2047) + "\u00e9\u00e9";
        byte[] datagram = SyslogMessage.datagram(message);
        assertThat(datagram).hasSize(2047);
        assertThat(SyslogMessage.datagram("short")).hasSize(5);
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> new SyslogSettings(true, "", 514, SyslogSettings.Transport.UDP, 3, 16, "-", Optional.empty()))
                .hasMessageContaining("without a server");
        assertThatThrownBy(() -> new SyslogSettings(true, "h", 0, SyslogSettings.Transport.UDP, 3, 16, "-", Optional.empty()))
                .hasMessageContaining("1-65535");
        assertThat(SyslogSettings.OFF.toString()).isEqualTo("off");
    }

    /** A TCP server that is gone: logging goes on at once, the messages wait or drop, the status says why. */
    @Test
    void aDeadServerNeverBlocksLogging() throws IOException, InterruptedException {
        int port;
        try (ServerSocket closed = new ServerSocket(0)) {
            port = closed.getLocalPort();
        }
        RemoteSyslog.configure(new SyslogSettings(true, "127.0.0.1", port, SyslogSettings.Transport.TCP, 7, 16, "t", Optional.empty()));
        RemoteSyslogWriter writer = new RemoteSyslogWriter(Map.of());
        for (int i = 0; i < 3000; i++) {
            writer.write(new LogEntry(RuntimeProvider.createTimestamp(), Thread.currentThread(), Map.of(), "a.B", "m", "B.java", 1,
                    null, Level.INFO, "message " + i, null));
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!RemoteSyslog.status().contains("refused") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(RemoteSyslog.status()).contains("TCP 127.0.0.1:" + port).contains("Connection refused");
    }

    @Test
    void offSendsNothingAndSaysSo() {
        RemoteSyslog.configure(SyslogSettings.OFF);
        assertThat(RemoteSyslog.status()).isEqualTo("remote syslog off");
    }
}
