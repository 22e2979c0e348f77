package org.deskphone.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A started process's standard output and error, collected line by line for a test to wait on. */
public final class ProcessLines {
    private final List<String> stdout = new CopyOnWriteArrayList<>();
    private final List<String> stderr = new CopyOnWriteArrayList<>();

    public ProcessLines(Process process) {
        pump(process.getInputStream(), stdout);
        pump(process.getErrorStream(), stderr);
    }

    public List<String> stdout() {
        return stdout;
    }

    public List<String> stderr() {
        return stderr;
    }

    /** The first standard-output line containing {@code fragment}; fails with both outputs after 60 s. */
    public String awaitOut(String fragment) throws InterruptedException {
        return await(stdout, fragment);
    }

    /** The first standard-error line containing {@code fragment}; fails with both outputs after 60 s. */
    public String awaitErr(String fragment) throws InterruptedException {
        return await(stderr, fragment);
    }

    public String describe() {
        return "stdout:\n" + String.join("\n", stdout) + "\nstderr:\n" + String.join("\n", stderr);
    }

    private String await(List<String> lines, String fragment) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            for (String line : lines) {
                if (line.contains(fragment)) {
                    return line;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no line with '" + fragment + "' in\n" + describe());
    }

    private static void pump(InputStream in, List<String> lines) {
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
}
