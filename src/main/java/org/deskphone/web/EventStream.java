package org.deskphone.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server-sent event stream ({@code text/event-stream}) to one page: the virtual phone's LCD, a
 * provisioning run's progress. Producers {@link #offer} events from any thread; the request's thread
 * {@link #pump pumps} them out until the page goes away, the session ends or the server stops. Streams hold
 * a server thread each, so there are at most {@link #MAX_STREAMS} at a time.
 */
final class EventStream {
    static final int MAX_STREAMS = 8;
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
    private static final int MAX_QUEUED = 256;

    /** One event: its name and its JSON data. */
    record Event(String name, Object data) {
    }

    private static final Event END = new Event("end", null);

    private final BlockingQueue<Event> queue = new LinkedBlockingQueue<>(MAX_QUEUED);
    private final AtomicInteger open;

    private EventStream(AtomicInteger open) {
        this.open = open;
    }

    /** Takes a stream slot, or refuses with 503 when all are in use. */
    static EventStream open(AtomicInteger open) {
        if (open.incrementAndGet() > MAX_STREAMS) {
            open.decrementAndGet();
            throw new WebError(503, "too many live pages are open; close one and reload");
        }
        return new EventStream(open);
    }

    /** Queues an event; a page that cannot keep up loses the oldest ones, never blocks the producer. */
    void offer(String name, Object data) {
        Event event = new Event(name, data);
        while (!queue.offer(event)) {
            queue.poll();
        }
    }

    /** Ends the stream after the events queued so far. */
    void finish() {
        offer(END.name(), null);
    }

    /**
     * Sends events until the page leaves, {@code alive} turns false (checked every second), or
     * {@link #finish} is called; then releases the slot.
     */
    void pump(Exchange exchange, java.util.function.BooleanSupplier alive) {
        try (OutputStream out = exchange.stream("text/event-stream; charset=utf-8")) {
            write(out, ": deskphone\n\n");
            long lastWrite = System.nanoTime();
            while (alive.getAsBoolean()) {
                Event event = queue.poll(1, TimeUnit.SECONDS);
                if (event == null) {
                    if (System.nanoTime() - lastWrite > KEEP_ALIVE.toNanos()) {
                        write(out, ": keep-alive\n\n");
                        lastWrite = System.nanoTime();
                    }
                    continue;
                }
                if (event.name().equals(END.name()) && event.data() == null) {
                    write(out, "event: end\ndata: {}\n\n");
                    return;
                }
                write(out, "event: " + event.name() + "\ndata: " + Json.GSON.toJson(event.data()) + "\n\n");
                lastWrite = System.nanoTime();
            }
        } catch (IOException e) {
            // The page went away.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.decrementAndGet();
            exchange.close();
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
