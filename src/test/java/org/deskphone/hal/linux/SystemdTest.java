package org.deskphone.hal.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.deskphone.testing.RequiredTool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * systemd's notification protocol, with a small Python program standing in for systemd's end of the
 * datagram socket (Java has no AF_UNIX datagrams, which is why the native library sends them).
 */
class SystemdTest {
    private static final String RECEIVER = String.join("\n",
            "import socket, sys",
            "s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)",
            "name = sys.argv[1]",
            "s.bind('\\0' + name[1:] if name.startswith('@') else name)",
            "print('bound', flush=True)",
            "s.settimeout(20)",
            "print(s.recv(4096).decode().replace('\\n', '|'), flush=True)");

    @TempDir
    Path tmp;
    private Process receiver;

    @AfterEach
    void stopReceiver() {
        if (receiver != null && receiver.isAlive()) {
            receiver.destroyForcibly();
        }
    }

    @Test
    void outsideSystemdNothingIsSent() {
        Systemd systemd = new Systemd(Map.of(), 42, loaded());
        assertThat(systemd.supervised()).isFalse();
        assertThat(systemd.watchdogPeriod()).isEmpty();
        assertThat(systemd.ready("up").message()).isEqualTo("not started by systemd");
    }

    @Test
    void theWatchdogIsPingedAtHalfItsPeriodWhenItIsMeantForThisProcess() {
        Map<String, String> environment = Map.of("NOTIFY_SOCKET", "/run/systemd/notify", "WATCHDOG_USEC", "30000000");
        assertThat(new Systemd(environment, 42, loaded()).watchdogPeriod()).contains(Duration.ofSeconds(15));
        Map<String, String> forAnother = Map.of("NOTIFY_SOCKET", "/run/systemd/notify", "WATCHDOG_USEC", "30000000",
                "WATCHDOG_PID", "41");
        assertThat(new Systemd(forAnother, 42, loaded()).watchdogPeriod()).isEmpty();
    }

    @Test
    void readyReachesSystemdsSocket() throws Exception {
        String socket = tmp.resolve("notify").toString();
        assertThat(send(socket, systemd -> systemd.ready("board rpi up"))).isEqualTo("READY=1|STATUS=board rpi up");
    }

    @Test
    void theWatchdogReachesAnAbstractSocketToo() throws Exception {
        String socket = "@deskphone-test-" + ProcessHandle.current().pid();
        assertThat(send(socket, Systemd::watchdog)).isEqualTo("WATCHDOG=1");
    }

    @Test
    void aSocketNobodyListensOnIsAnOutcomeNotAnError() {
        assumeLibrary();
        Systemd systemd = new Systemd(Map.of("NOTIFY_SOCKET", tmp.resolve("nobody").toString()), 42, loaded());
        Outcome outcome = systemd.stopping();
        assertThat(outcome.done()).isFalse();
        assertThat(outcome.message()).contains("notifying systemd at").contains("No such file or directory");
    }

    private String send(String socket, java.util.function.Function<Systemd, Outcome> message) throws Exception {
        assumeLibrary();
        RequiredTool.require("python3", "python3");
        receiver = new ProcessBuilder("python3", "-c", RECEIVER, socket).redirectErrorStream(true).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(receiver.getInputStream(), StandardCharsets.UTF_8));
        assertThat(lines.readLine()).isEqualTo("bound");
        Outcome outcome = message.apply(new Systemd(Map.of("NOTIFY_SOCKET", socket), 42, loaded()));
        assertThat(outcome.done()).as(outcome.message()).isTrue();
        String received = lines.readLine();
        assertThat(receiver.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return received;
    }

    private static NativeHelpers.Availability loaded() {
        return NativeHelpers.availability();
    }

    private static void assumeLibrary() {
        assumeTrue(Files.isRegularFile(NativeHelpers.location()) || "true".equals(System.getenv("CI")),
                "native/build made no library for this machine");
    }
}
