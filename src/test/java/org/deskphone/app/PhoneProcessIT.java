package org.deskphone.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.deskphone.testing.ProcessLines;
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
    private ProcessLines lines;

    @AfterEach
    void killLeftovers() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    @Test
    void versionPrintsTheVersionFromAnyDirectory() throws Exception {
        process = new ProcessBuilder(LAUNCHER.toString(), "version").directory(data.toFile()).start();
        lines = new ProcessLines(process);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(lines.stdout()).first().asString().startsWith("deskphone " + Version.version());
    }

    @Test
    void runShowsTheIdleScreenSaysReadyAndStopsCleanlyOnSigterm() throws Exception {
        startPhone();
        assertThat(String.join("\n", lines.stdout())).contains("|deskphone").contains("|No account");
        assertThat(Files.exists(data.resolve(DataFolder.MARKER))).isTrue();

        // The running phone holds its data folder: a factory reset from another process is refused, wipes nothing.
        CommandLine other = new CommandLine();
        assertThat(other.run("factory-reset", "--yes", "--data", data.toString())).isEqualTo(Main.FAILED);
        assertThat(other.err()).contains("is in use by another deskphone (pid " + process.pid() + ")");
        assertThat(Files.exists(data.resolve(DataFolder.MARKER))).isTrue();

        signal("TERM");
        assertThat(process.waitFor(3, TimeUnit.SECONDS)).as("stopped within 3 s of SIGTERM").isTrue();
        lines.awaitErr("phone stopped");
    }

    @Test
    void ctrlCStopsItToo() throws Exception {
        startPhone();
        signal("INT");
        assertThat(process.waitFor(3, TimeUnit.SECONDS)).as("stopped within 3 s of SIGINT").isTrue();
        lines.awaitErr("phone stopped");
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
        lines = new ProcessLines(process);
        String ready = lines.awaitOut("ready ");
        assertThat(ready).contains("board=pc").contains("display=20x4").contains("data=" + data);
    }
}
