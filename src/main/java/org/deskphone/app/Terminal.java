package org.deskphone.app;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.tinylog.Logger;

/**
 * The controlling terminal of {@code deskphone run}, when there is one: switched to character-at-a-time
 * input without echo so that each key press reaches the phone at once, and restored on exit.
 */
final class Terminal implements AutoCloseable {
    private final String savedMode;

    private Terminal(String savedMode) {
        this.savedMode = savedMode;
    }

    /** True when standard input and output are an interactive terminal. */
    static boolean interactive() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Java 22+ returns a console even when redirected; it says so through isTerminal().
            Method isTerminal = java.io.Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /** Puts the terminal in raw-ish mode; null when stty is missing or fails (keys then need Enter). */
    static Terminal raw() {
        String saved = stty("-g");
        if (saved == null || stty("-icanon", "-echo", "min", "1") == null) {
            Logger.warn("could not switch the terminal to single-key input; type keys and press Enter");
            return null;
        }
        return new Terminal(saved.trim());
    }

    @Override
    public void close() {
        stty(savedMode);
    }

    private static String stty(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "stty";
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Process process = new ProcessBuilder(command)
                    .redirectInput(new File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            if (!process.waitFor(2, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return null;
            }
            return out;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
