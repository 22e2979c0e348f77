package org.deskphone.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code deskphone selftest} as a person runs it, through the launcher, in a process of its own. */
class SelftestProcessIT {
    private static final Path HOME = Path.of(System.getProperty("deskphone.home", ".")).toAbsolutePath();
    private static final Path LAUNCHER = HOME.resolve("tools/deskphone");
    private static final Path BUILT_LIBRARY = HOME.resolve("target/native/linux-" + arch() + "/libdeskphone-rt.so");

    @TempDir
    Path tmp;

    @Test
    void thePcBoardPassesAndTheReportNamesEveryCheck() throws Exception {
        Result result = selftest(List.of("--board", "pc"), "");
        assertThat(result.code).as(result.out + result.err).isZero();
        assertThat(result.out).contains("deskphone selftest: board pc (deskphone-pc)")
                .containsPattern("(?m)^PASS  board      mock drivers from .*board/pc/board.properties")
                .containsPattern("(?m)^PASS  keypad     a pressed key reached the phone loop")
                .containsPattern("(?m)^PASS  hook       ")
                .containsPattern("(?m)^PASS  display    ")
                .containsPattern("(?m)^PASS  leds       ")
                .containsPattern("(?m)^PASS  audio      ")
                .containsPattern("(?m)^PASS  data       " + java.util.regex.Pattern.quote(tmp.resolve("data").toString()))
                .containsPattern("(?m)^selftest passed: ");
        if (Files.isRegularFile(BUILT_LIBRARY) || "true".equals(System.getenv("CI"))) {
            assertThat(result.out).containsPattern("(?m)^PASS  native     loaded from " + java.util.regex.Pattern.quote(BUILT_LIBRARY.toString()));
        }
    }

    @Test
    void withoutTheNativeLibraryThePhoneSaysSoAndRunsOn() throws Exception {
        Path nowhere = tmp.resolve("nowhere");
        Result result = selftest(List.of(), "-Ddeskphone.native=" + nowhere);
        assertThat(result.code).as("the PC board does not require the library").isZero();
        assertThat(result.out).containsPattern("(?m)^WARN  native     not loaded: " + java.util.regex.Pattern.quote(
                nowhere.resolve("linux-" + arch()).resolve("libdeskphone-rt.so") + " does not exist"));
        assertThat(result.err).contains("native helpers not loaded: ").contains("media threads run at normal priority");
    }

    @Test
    void thePiBoardOnAPcFailsNamingThePinItCouldNotClaim() throws Exception {
        Result result = selftest(List.of("--board", "rpi"), "");
        assertThat(result.code).isEqualTo(1);
        assertThat(result.out).containsPattern("(?m)^FAIL  board      .*board/rpi/board.properties: cannot claim GPIO5 for keypad-row-5")
                .containsPattern("(?m)^selftest FAILED: 0 passed, 0 warnings, 1 failed, 0 skipped");
    }

    @Test
    void helpListsIt() throws Exception {
        Process help = new ProcessBuilder(LAUNCHER.toString(), "help").redirectErrorStream(true).start();
        String out = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(help.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).containsPattern("(?m)^  selftest +check the board's keys");
    }

    private Result selftest(List<String> options, String javaOptions) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(LAUNCHER.toString(), "selftest", "--data", tmp.resolve("data").toString()));
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command).directory(tmp.toFile())
                .redirectOutput(tmp.resolve("out.txt").toFile()).redirectError(tmp.resolve("err.txt").toFile());
        builder.environment().put("DESKPHONE_JAVA_OPTS", javaOptions);
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("selftest finished").isTrue();
        return new Result(process.exitValue(), Files.readString(tmp.resolve("out.txt")), Files.readString(tmp.resolve("err.txt")));
    }

    private static String arch() {
        String arch = System.getProperty("os.arch");
        return arch.equals("amd64") ? "x86_64" : arch;
    }

    private record Result(int code, String out, String err) {
    }
}
