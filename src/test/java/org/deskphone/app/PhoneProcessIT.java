package org.deskphone.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher and the real process: what a newcomer sees after typing the README's run command. */
class PhoneProcessIT {
    private static final Path HOME = Path.of(System.getProperty("deskphone.home", ".")).toAbsolutePath();
    private static final Path LAUNCHER = HOME.resolve("tools/deskphone");

    @TempDir
    Path data;
    private Process process;
    private final List<String> stdout = new CopyOnWriteArrayList<>();
    private final List<String> stderr = new CopyOnWriteArrayList<>();

    @AfterEach
    void killLeftovers() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    @Test
    void versionPrintsTheVersionFromAnyDirectory() throws Exception {
        process = new ProcessBuilder(LAUNCHER.toString(), "version").directory(data.toFile()).start();
        collect();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(stdout).first().asString().startsWith("deskphone " + Version.version());
    }

    @Test
    void runShowsTheIdleScreenSaysReadyAndStopsCleanlyOnSigterm() throws Exception {
        startPhone();
        assertThat(String.join("\n", stdout)).contains("|deskphone").contains("|No account");
        assertThat(Files.exists(data.resolve(DataFolder.MARKER))).isTrue();

        // The running phone holds its data folder: a factory reset from another process is refused, wipes nothing.
        CommandLine other = new CommandLine();
        assertThat(other.run("factory-reset", "--yes", "--data", data.toString())).isEqualTo(Main.FAILED);
        assertThat(other.err()).contains("is in use by another deskphone (pid " + process.pid() + ")");
        assertThat(Files.exists(data.resolve(DataFolder.MARKER))).isTrue();

        signal("TERM");
        assertThat(process.waitFor(3, TimeUnit.SECONDS)).as("stopped within 3 s of SIGTERM").isTrue();
        awaitLine(stderr, "phone stopped");
    }

    @Test
    void ctrlCStopsItToo() throws Exception {
        startPhone();
        signal("INT");
        assertThat(process.waitFor(3, TimeUnit.SECONDS)).as("stopped within 3 s of SIGINT").isTrue();
        awaitLine(stderr, "phone stopped");
    }

    /** By kill(1), not Process.destroy(), which would also close the pipes we read the last lines from. */
    private void signal(String name) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
        assertThat(kill.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();
    }

    private void startPhone() throws Exception {
        process = new ProcessBuilder(LAUNCHER.toString(), "run", "--data", data.toString())
                .directory(data.getParent().toFile())
                .start();
        process.getOutputStream().close();
        collect();
        String ready = awaitLine(stdout, "ready ");
        assertThat(ready).contains("board=pc").contains("display=20x4").contains("data=" + data);
    }

    private void collect() {
        pump(process.getInputStream(), stdout);
        pump(process.getErrorStream(), stderr);
    }

    private static void pump(java.io.InputStream in, List<String> lines) {
        Thread pump = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // The process ended.
            }
        });
        pump.setDaemon(true);
        pump.start();
    }

    private String awaitLine(List<String> lines, String fragment) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            for (String line : lines) {
                if (line.contains(fragment)) {
                    return line;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no line with '" + fragment + "' in\nstdout:\n" + String.join("\n", stdout)
                + "\nstderr:\n" + String.join("\n", stderr));
    }
}
