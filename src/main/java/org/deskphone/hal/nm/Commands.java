package org.deskphone.hal.nm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the system's commands for the driver; tests record them instead. */
@FunctionalInterface
public interface Commands {

    /** What a command printed (standard output and error together) and how it ended. */
    record Result(int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    /**
     * Runs {@code command} and waits for it.
     *
     * @throws IOException when it cannot be started or does not end within its time
     */
    Result run(List<String> command) throws IOException;

    /** Processes of this system, each given at most {@code timeout}. */
    static Commands system(Duration timeout) {
        return command -> {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new IOException(String.join(" ", command) + " did not finish within " + timeout.toSeconds() + " s");
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while running " + command.get(0), e);
            }
            return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        };
    }
}
