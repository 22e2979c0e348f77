package org.deskphone.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a real program a test uses as its oracle (ffmpeg, gcc, sox...), found on the PATH through
 * {@link RequiredTool}: missing, it fails the test in CI and skips it elsewhere.
 */
public final class ExternalTool {

    private ExternalTool() {
    }

    /** The tool's path on PATH; fails (CI) or skips (elsewhere) when it is not installed. */
    public static Path require(String command, String debianPackage) {
        RequiredTool.require(command, debianPackage);
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError(command + " is on the PATH but not found again");
    }

    /** Same for a file a package installs, such as a header. */
    public static Path requireFile(Path file, String debianPackage) {
        if (!Files.exists(file)) {
            RequiredTool.missing(file.toString(), debianPackage);
        }
        return file;
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
