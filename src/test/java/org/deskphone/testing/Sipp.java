package org.deskphone.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * sipp (Debian package sip-tester) running one of our scenarios, written by the test as XML: as a client
 * that runs to its end ({@link #run}), or as a server in the background ({@link #serve}) that the test stops
 * by its PID. Each run has its own folder under {@code target/peers} with the scenario and sipp's logs,
 * which failure messages quote.
 */
public final class Sipp implements AutoCloseable {
    private final Path dir;
    private final Process process;
    private final int port;

    private Sipp(Path dir, Process process, int port) {
        this.dir = dir;
        this.process = process;
        this.port = port;
    }

    /** What a finished client run left: its exit code (0: every call passed) and logs. */
    public record Result(int exitCode, String output, String errors, String messages) {
        public boolean passed() {
            return exitCode == 0;
        }

        public String describe() {
            return "sipp exited " + exitCode + "\n--- output\n" + output + "\n--- errors\n" + errors + "\n--- messages\n" + messages;
        }
    }

    /**
     * Runs {@code scenario} as a client toward {@code target} ({@code host:port}) for {@code calls} calls, and
     * waits for it to end, at most {@code timeout}. {@code extra} are more sipp options.
     */
    public static Result run(String name, String scenario, String target, int calls, Duration timeout, String... extra) {
        Path dir = PeerProcess.folder("sipp-" + name);
        int port = FreePort.udpAndTcp();
        List<String> command = command(dir, name, scenario, port, calls, extra);
        command.add(1, target);
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("sipp.out").toFile()).start();
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                return new Result(-1, read(dir.resolve("sipp.out")) + "\n(killed after " + timeout + ")", logs(dir, "_errors.log"),
                        logs(dir, "_messages.log"));
            }
            return new Result(process.exitValue(), read(dir.resolve("sipp.out")), logs(dir, "_errors.log"), logs(dir, "_messages.log"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run sipp: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sipp ran", e);
        }
    }

    /** Starts {@code scenario} as a server on a free port of 127.0.0.1, for up to {@code calls} calls. */
    public static Sipp serve(String name, String scenario, int calls, String... extra) {
        Path dir = PeerProcess.folder("sipp-" + name);
        int port = FreePort.udpAndTcp();
        try {
            Process process = new ProcessBuilder(command(dir, name, scenario, port, calls, extra)).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("sipp.out").toFile()).start();
            process.getOutputStream().close();
            Sipp server = new Sipp(dir, process, port);
            server.awaitListening();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start sipp: " + e.getMessage(), e);
        }
    }

    private static List<String> command(Path dir, String name, String scenario, int port, int calls, String... extra) {
        RequiredTool.require("sipp", "sip-tester");
        Path file = dir.resolve(name + ".xml");
        try {
            Files.writeString(file, scenario, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<String> command = new ArrayList<>(List.of("sipp", "-sf", file.toString(), "-i", "127.0.0.1", "-p", Integer.toString(port),
                "-m", Integer.toString(calls), "-nostdin", "-trace_err", "-trace_msg", "-timeout", "30s", "-timeout_error"));
        command.addAll(List.of(extra));
        return command;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Waits for the server to end by itself (its calls done); its exit code, or -1 if it did not end. */
    public int awaitEnd(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    public String messages() {
        return logs(dir, "_messages.log");
    }

    public String describe() {
        return "sipp server on " + port + "\n--- output\n" + read(dir.resolve("sipp.out")) + "\n--- errors\n" + logs(dir, "_errors.log")
                + "\n--- messages\n" + messages();
    }

    /** Waits until the kernel lists the UDP port as bound (binding it ourselves to probe would race with sipp). */
    private void awaitListening() {
        String hex = String.format(":%04X ", port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (Files.readString(Path.of("/proc/net/udp")).contains(hex)) {
                    return;
                }
                Thread.sleep(20);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read /proc/net/udp: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("sipp did not listen on " + port + ": " + read(dir.resolve("sipp.out")));
    }

    /** Stops the server by its PID (SIGTERM, then SIGKILL). */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(3, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(3, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static String logs(Path dir, String suffix) {
        StringBuilder out = new StringBuilder();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().forEach(f -> out.append(read(f)));
        } catch (IOException e) {
            out.append("(no logs: ").append(e.getMessage()).append(')');
        }
        String text = out.toString();
        return text.length() > 20_000 ? text.substring(text.length() - 20_000) : text;
    }
}
