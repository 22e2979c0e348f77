package org.deskphone.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    private final CommandLine deskphone = new CommandLine();
    @TempDir
    Path tmp;

    @Test
    void versionPrintsTheBuildsVersion() {
        assertThat(deskphone.run("version")).isZero();
        assertThat(deskphone.out()).startsWith("deskphone " + Version.version()).contains("java ");
        assertThat(Version.version()).isNotEqualTo("unknown").doesNotContain("${");
    }

    /** Reads only: on the PC board it looks at this machine's interfaces and sends nothing. */
    @Test
    void networkShowsThePortAsTheStatusPageWould() {
        int code = deskphone.run("network");
        assertThat(deskphone.out()).startsWith("Port ");
        assertThat(code).isEqualTo(deskphone.out().contains("network unavailable") ? Main.FAILED : Main.OK);
    }

    @Test
    void helpListsTheCommands() {
        assertThat(deskphone.run("help")).isZero();
        assertThat(deskphone.out()).contains("run", "version", "factory-reset");
        assertThat(deskphone.run()).isEqualTo(Main.USAGE);
    }

    @Test
    void unknownCommandsAndOptionsAreUsageErrors() {
        assertThat(deskphone.run("dance")).isEqualTo(Main.USAGE);
        assertThat(deskphone.err()).contains("unknown command 'dance'");
        assertThat(deskphone.run("run", "--colour", "red")).isEqualTo(Main.USAGE);
        assertThat(deskphone.err()).contains("unknown option --colour");
        assertThat(deskphone.run("run", "--data")).isEqualTo(Main.USAGE);
        assertThat(deskphone.err()).contains("--data needs a value");
    }

    @Test
    void anUnknownBoardIsAClearFailure() {
        assertThat(deskphone.run("run", "--board", "toaster", "--data", tmp.toString())).isEqualTo(Main.FAILED);
        assertThat(deskphone.err()).contains("no board 'toaster'");
    }

    @Test
    void factoryResetAsksForYesThenWipes() throws Exception {
        Path data = tmp.resolve("data");
        DataFolder.open(data);
        Files.writeString(data.resolve("keep-me.cfg"), "x");
        assertThat(deskphone.run("factory-reset", "--data", data.toString())).isEqualTo(Main.USAGE);
        assertThat(data.resolve("keep-me.cfg")).exists();
        assertThat(deskphone.run("factory-reset", "--data", data.toString(), "--yes")).isZero();
        assertThat(data.resolve("keep-me.cfg")).doesNotExist();
        assertThat(deskphone.out()).contains("wiped");
    }
}
