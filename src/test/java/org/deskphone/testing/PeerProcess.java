package org.deskphone.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server started by one of the project's scripts, {@code tools/peers/<name> start DIR ...}, and
 * stopped by {@code tools/peers/<name> stop DIR}, which kills it by the PID it recorded. Closing it stops
 * it; the suite-wide ones are closed by JUnit when the whole run ends.
 */
public class PeerProcess implements AutoCloseable {
    private final String name;
    private final Path dir;
    private final String startLine;
    private boolean stopped;

    protected PeerProcess(String name, Path dir, List<String> arguments) {
        this.name = name;
        this.dir = dir;
        List<String> command = new ArrayList<>();
        command.add(script(name).toString());
        command.add("start");
        command.add(dir.toString());
        command.addAll(arguments);
        this.startLine = run(command, 60);
    }

    /** A fresh folder for one peer under {@code target/peers}. */
    protected static Path folder(String name) {
        try {
            Path peers = Files.createDirectories(Path.of("target", "peers").toAbsolutePath());
            return Files.createTempDirectory(peers, name + "-");
        } catch (IOException e) {
            throw new IllegalStateException("cannot make a folder for " + name, e);
        }
    }

    public Path dir() {
        return dir;
    }

    /** What the start script printed: the PID and the addresses. */
    public String startLine() {
        return startLine;
    }

    /** The peer's log, for assertions and for failure messages. */
    public String log(String file) {
        try {
            return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no " + file + ": " + e.getMessage() + ")";
        }
    }

    /** Runs {@code tools/peers/<name> ACTION DIR ARGUMENTS...} for a script that does more than start and stop; its output. */
    protected String script(String action, String... arguments) {
        List<String> command = new ArrayList<>(List.of(script(name).toString(), action, dir.toString()));
        command.addAll(List.of(arguments));
        return run(command, 30);
    }

    /** Writes {@code content} to {@code name} under {@code folder}, making the folders: how peers serve a file. */
    protected static Path put(Path folder, String name, byte[] content) {
        try {
            Path file = folder.resolve(name);
            Files.createDirectories(file.getParent());
            return Files.write(file, content);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (!stopped) {
            stopped = true;
            run(List.of(script(name).toString(), "stop", dir.toString()), 30);
        }
    }

    private static Path script(String name) {
        Path home = Path.of(System.getProperty("deskphone.home", ".")).toAbsolutePath();
        return home.resolve("tools").resolve("peers").resolve(name);
    }

    protected static String run(List<String> command, int seconds) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + seconds + " s");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue() + "):\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    @Override
    public String toString() {
        return name + " in " + dir;
    }
}
