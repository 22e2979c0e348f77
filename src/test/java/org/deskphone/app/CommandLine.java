package org.deskphone.app;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** {@code deskphone}'s command line run in this JVM with its output captured: what the command tests call. */
final class CommandLine {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Console console = new Console(new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    /** Runs {@code deskphone ARGUMENTS...} and returns its exit code; the output of the run before is gone. */
    int run(String... arguments) {
        out.reset();
        err.reset();
        return new Main().execute(arguments, console);
    }

    /** What the last run printed on standard output. */
    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** What the last run printed on standard error. */
    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
