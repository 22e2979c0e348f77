package org.deskphone.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Console console = new Console(new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    @TempDir
    Path tmp;

    @Test
    void versionPrintsTheBuildsVersion() {
        assertThat(run("version")).isZero();
        assertThat(out()).startsWith("deskphone " + Version.version()).contains("java ");
        assertThat(Version.version()).isNotEqualTo("unknown").doesNotContain("${");
    }

    /** Reads only: on the PC board it looks at this machine's interfaces and sends nothing. */
    @Test
    void networkShowsThePortAsTheStatusPageWould() {
        int code = run("network");
        assertThat(out()).startsWith("Port ");
        assertThat(code).isEqualTo(out().contains("network unavailable") ? Main.FAILED : Main.OK);
    }

    @Test
    void helpListsTheCommands() {
        assertThat(run("help")).isZero();
        assertThat(out()).contains("run", "version", "factory-reset");
        assertThat(run()).isEqualTo(Main.USAGE);
    }

    @Test
    void unknownCommandsAndOptionsAreUsageErrors() {
        assertThat(run("dance")).isEqualTo(Main.USAGE);
        assertThat(err()).contains("unknown command 'dance'");
        assertThat(run("run", "--colour", "red")).isEqualTo(Main.USAGE);
        assertThat(err()).contains("unknown option --colour");
        assertThat(run("run", "--data")).isEqualTo(Main.USAGE);
        assertThat(err()).contains("--data needs a value");
    }

    @Test
    void anUnknownBoardIsAClearFailure() {
        assertThat(run("run", "--board", "toaster", "--data", tmp.toString())).isEqualTo(Main.FAILED);
        assertThat(err()).contains("no board 'toaster'");
    }

    @Test
    void factoryResetAsksForYesThenWipes() throws Exception {
        Path data = tmp.resolve("data");
        DataFolder.open(data);
        Files.writeString(data.resolve("keep-me.cfg"), "x");
        assertThat(run("factory-reset", "--data", data.toString())).isEqualTo(Main.USAGE);
        assertThat(data.resolve("keep-me.cfg")).exists();
        assertThat(run("factory-reset", "--data", data.toString(), "--yes")).isZero();
        assertThat(data.resolve("keep-me.cfg")).doesNotExist();
        assertThat(out()).contains("wiped");
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return new Main().execute(args, console);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
