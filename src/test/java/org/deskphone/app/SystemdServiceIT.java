package org.deskphone.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.deskphone.testing.RequiredTool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The phone as systemd runs it ({@code Type=notify}, {@code WatchdogSec=}): a Python program stands in
 * for systemd's notification socket and records what the phone sends, from start to SIGTERM.
 */
class SystemdServiceIT {
    private static final Path HOME = Path.of(System.getProperty("deskphone.home", ".")).toAbsolutePath();
    private static final String SYSTEMD = String.join("\n",
            "import socket, sys",
            "s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)",
            "s.bind(sys.argv[1])",
            "print('bound', flush=True)",
            "s.settimeout(60)",
            "while True:",
            "    print(s.recv(4096).decode().replace('\\n', '|'), flush=True)");

    @TempDir
    Path tmp;
    private Process systemd;
    private Process phone;

    @AfterEach
    void stopBoth() {
        for (Process process : new Process[] {phone, systemd}) {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void thePhoneSaysReadyFeedsTheWatchdogFromItsLoopAndSaysWhenItStops() throws Exception {
        Path library = HOME.resolve("target/native/linux-" + arch() + "/libdeskphone-rt.so");
        assumeTrue(Files.isRegularFile(library) || "true".equals(System.getenv("CI")), "native/build made no library here");
        RequiredTool.require("python3", "python3");
        Path socket = tmp.resolve("notify");
        systemd = new ProcessBuilder("python3", "-c", SYSTEMD, socket.toString()).redirectErrorStream(true).start();
        List<String> received = new CopyOnWriteArrayList<>();
        BufferedReader lines = new BufferedReader(new InputStreamReader(systemd.getInputStream(), StandardCharsets.UTF_8));
        assertThat(lines.readLine()).isEqualTo("bound");
        Thread pump = new Thread(() -> lines.lines().forEach(received::add));
        pump.setDaemon(true);
        pump.start();

        ProcessBuilder builder = new ProcessBuilder(HOME.resolve("tools/deskphone").toString(), "run", "--data",
                tmp.resolve("data").toString()).redirectOutput(tmp.resolve("out.txt").toFile())
                .redirectError(tmp.resolve("err.txt").toFile());
        builder.environment().put("NOTIFY_SOCKET", socket.toString());
        builder.environment().put("WATCHDOG_USEC", "1000000"); // one second: fed every half second
        phone = builder.start();
        phone.getOutputStream().close();

        await(() -> received.stream().filter("WATCHDOG=1"::equals).count() >= 3, received);
        assertThat(received.get(0)).startsWith("READY=1|STATUS=ready board=pc");

        new ProcessBuilder("kill", "-TERM", Long.toString(phone.pid())).start().waitFor(5, TimeUnit.SECONDS);
        assertThat(phone.waitFor(5, TimeUnit.SECONDS)).isTrue();
        await(() -> received.contains("STOPPING=1"), received);
        assertThat(Files.readString(tmp.resolve("err.txt"))).contains("feeding systemd's watchdog every 500 ms from the phone loop");
    }

    private static void await(java.util.function.BooleanSupplier condition, List<String> received) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("systemd received only: " + received);
            }
            Thread.sleep(20);
        }
    }

    private static String arch() {
        String arch = System.getProperty("os.arch");
        return arch.equals("amd64") ? "x86_64" : arch;
    }
}
