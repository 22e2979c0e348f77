package org.deskphone.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real program a test runs as its oracle or peer (ffmpeg, gcc, sox...). Missing: with {@code CI=true} the
 * test fails, as the brief asks; on a developer's machine it is skipped with the reason and the package to
 * install ({@code tools/setup} installs every package in {@code tools/peers/packages}).
 */
public final class ExternalTool {

    private ExternalTool() {
    }

    /** The tool's path on PATH; fails (CI) or skips (elsewhere) when it is not installed. */
    public static Path require(String command, String debianPackage) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        String reason = command + " is not installed (Debian package " + debianPackage + "; run tools/setup)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(reason);
        }
        assumeTrue(false, reason);
        throw new AssertionError("unreachable");
    }

    /** Same for a file a package installs, such as a header. */
    public static Path requireFile(Path file, String debianPackage) {
        if (Files.exists(file)) {
            return file;
        }
        String reason = file + " is missing (Debian package " + debianPackage + "; run tools/setup)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(reason);
        }
        assumeTrue(false, reason);
        throw new AssertionError("unreachable");
    }

    /** Runs a command to completion; fails the test with its output when it exits non-zero or times out. */
    public static String run(Duration timeout, List<String> command) {
        try {
            Path log = Files.createTempFile("tool", ".log");
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    fail(command + " did not finish within " + timeout);
                }
                String output = Files.readString(log, StandardCharsets.UTF_8);
                if (process.exitValue() != 0) {
                    fail(command + " exited with " + process.exitValue() + ":\n" + output);
                }
                return output;
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        }
    }
}
