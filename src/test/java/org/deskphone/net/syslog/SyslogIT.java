package org.deskphone.net.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.deskphone.testing.Peers;
import org.deskphone.testing.Rsyslog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tinylog.Level;
import org.tinylog.core.LogEntry;
import org.tinylog.runtime.RuntimeProvider;

/** The tinylog writer's RFC 5424 messages as rsyslog on 127.0.0.1 receives them, over UDP, TCP and TLS. */
@ExtendWith(Peers.class)
class SyslogIT {
    private final RemoteSyslogWriter writer = new RemoteSyslogWriter(Map.of());

    @AfterEach
    void stop() {
        RemoteSyslog.stop(Duration.ofMillis(200));
    }

    private static SyslogSettings to(Rsyslog rsyslog, SyslogSettings.Transport transport) {
        int port = transport == SyslogSettings.Transport.TLS ? rsyslog.tlsPort() : rsyslog.port();
        SyslogSettings settings = new SyslogSettings(true, "127.0.0.1", port, transport, 4, SyslogSettings.LOCAL0, "deskphone-it",
                Optional.empty());
        return transport == SyslogSettings.Transport.TLS ? settings.withTls(rsyslog.trust()) : settings;
    }

    private void log(Level level, String message) {
        writer.write(new LogEntry(RuntimeProvider.createTimestamp(), Thread.currentThread(), Map.of(), "org.deskphone.sip.Registration",
                "register", "Registration.java", 42, null, level, message, null));
    }

    @Test
    void udp(Rsyslog rsyslog) throws Exception {
        sendAndReceive(rsyslog, SyslogSettings.Transport.UDP, "imudp");
    }

    @Test
    void tcp(Rsyslog rsyslog) throws Exception {
        sendAndReceive(rsyslog, SyslogSettings.Transport.TCP, "imtcp");
    }

    @Test
    void tls(Rsyslog rsyslog) throws Exception {
        sendAndReceive(rsyslog, SyslogSettings.Transport.TLS, "imtcp");
    }

    private void sendAndReceive(Rsyslog rsyslog, SyslogSettings.Transport transport, String input) throws Exception {
        String tag = UUID.randomUUID().toString();
        RemoteSyslog.configure(to(rsyslog, transport));
        log(Level.DEBUG, "debug " + tag);
        log(Level.ERROR, "registration failed " + tag);
        log(Level.WARN, "second message " + tag);
        String line = awaitLine(rsyslog, "registration failed " + tag);
        // <131> = local0 (16) * 8 + error (3); the header fields of RFC 5424 §6.
        assertThat(line).matches(Pattern.quote(input) + " <131>1 \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z deskphone-it deskphone \\d+ "
                + "Registration - registration failed " + Pattern.quote(tag));
        assertThat(awaitLine(rsyslog, "second message " + tag)).contains(" <132>1 ");
        assertThat(rsyslog.received()).as("debug is above the level sent (4, warning)").doesNotContain("debug " + tag);
        assertThat(RemoteSyslog.status()).contains(transport.name()).doesNotContain(" - ");
    }

    private static String awaitLine(Rsyslog rsyslog, String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            for (String line : rsyslog.received().split("\n")) {
                if (line.contains(text)) {
                    return line;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("rsyslog did not receive '" + text + "'; it has:\n" + rsyslog.received());
    }
}
