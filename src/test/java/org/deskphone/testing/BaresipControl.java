package org.deskphone.testing;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * baresip's control channel (module ctrl_tcp): netstring-framed JSON. Commands are answered by a
 * response with the same token; events ({@code CALL_RINGING}, {@code CALL_ESTABLISHED}, {@code CALL_CLOSED},
 * ...) arrive whenever they happen and are kept for {@link #awaitEvent}.
 */
public final class BaresipControl implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final Map<String, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
    private final BlockingQueue<JsonObject> fresh = new LinkedBlockingQueue<>();
    private final List<JsonObject> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokens = new AtomicInteger();

    private BaresipControl(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        Thread reader = new Thread(this::read, "baresip-control");
        reader.setDaemon(true);
        reader.start();
    }

    static BaresipControl connect(int port) {
        try {
            return new BaresipControl(new Socket(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach baresip's control port " + port + ": " + e.getMessage(), e);
        }
    }

    /** Sends a command such as {@code dial} with {@code sip:...}, and waits for its response. */
    public JsonObject command(String command, String params) {
        String token = "t" + tokens.incrementAndGet();
        JsonObject request = new JsonObject();
        request.addProperty("command", command);
        if (params != null) {
            request.addProperty("params", params);
        }
        request.addProperty("token", token);
        CompletableFuture<JsonObject> answer = new CompletableFuture<>();
        pending.put(token, answer);
        byte[] json = request.toString().getBytes(StandardCharsets.UTF_8);
        try {
            synchronized (out) {
                out.write((json.length + ":").getBytes(StandardCharsets.US_ASCII));
                out.write(json);
                out.write(',');
                out.flush();
            }
            return answer.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("baresip did not answer '" + command + "': " + e, e);
        } finally {
            pending.remove(token);
        }
    }

    /** Waits for the next event of {@code type} (e.g. {@code CALL_ESTABLISHED}) not yet consumed. */
    public JsonObject awaitEvent(String type, Duration timeout) throws InterruptedException {
        return awaitEvent(event -> type.equals(event.has("type") ? event.get("type").getAsString() : ""), timeout, type);
    }

    public JsonObject awaitEvent(Predicate<JsonObject> wanted, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonObject event = left > 0 ? fresh.poll(left, TimeUnit.NANOSECONDS) : null;
            if (event == null) {
                throw new AssertionError("baresip sent no " + what + " within " + timeout + "; events: " + events);
            }
            if (wanted.test(event)) {
                return event;
            }
        }
    }

    /**
     * Forgets the events not yet awaited: a test sharing this peer calls it first, so that it waits for
     * its own events and not for an earlier test's.
     */
    public void forgetEvents() {
        fresh.clear();
    }

    /** Every event received so far. */
    public List<JsonObject> events() {
        return List.copyOf(events);
    }

    private void read() {
        try (InputStream in = socket.getInputStream()) {
            while (true) {
                int length = 0;
                int c;
                while ((c = in.read()) != ':') {
                    if (c < 0) {
                        return;
                    }
                    length = length * 10 + (c - '0');
                }
                byte[] body = in.readNBytes(length);
                in.read(); // the trailing comma
                JsonObject message = JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject();
                if (message.has("response") && message.has("token")) {
                    CompletableFuture<JsonObject> answer = pending.get(message.get("token").getAsString());
                    if (answer != null) {
                        answer.complete(message);
                    }
                } else if (message.has("event")) {
                    events.add(message);
                    fresh.add(message);
                }
            }
        } catch (IOException | RuntimeException e) {
            // The peer went away; pending commands time out with a clear message.
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
    }
}
