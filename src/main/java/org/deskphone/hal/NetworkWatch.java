package org.deskphone.hal;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The thread of a network driver that looks at the system every so often and reports each change, for
 * drivers that can only poll. Stopping it stops the reports.
 */
public final class NetworkWatch {
    private static final Consumer<NetworkStatus> SILENT = status -> { };

    private final Supplier<NetworkStatus> look;
    private final Duration poll;
    private volatile Consumer<NetworkStatus> listener = SILENT;
    private Thread thread;

    /**
     * @param look reads the system once, blocking
     * @param poll the pause between looks
     */
    public NetworkWatch(Supplier<NetworkStatus> look, Duration poll) {
        this.look = look;
        this.poll = poll;
    }

    /** Looks once now (so that the driver's status is fresh when this returns), then from a thread of its own. */
    public synchronized void start(Consumer<NetworkStatus> newListener) {
        listener = newListener;
        NetworkStatus first = look.get();
        thread = new Thread(() -> run(first), "network-watch");
        thread.setDaemon(true);
        thread.start();
    }

    public synchronized void stop() {
        listener = SILENT;
        if (thread != null) {
            thread.interrupt();
            thread = null;
        }
    }

    private void run(NetworkStatus first) {
        NetworkStatus reported = first;
        listener.accept(first);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            NetworkStatus now = look.get();
            if (!now.equals(reported)) {
                reported = now;
                listener.accept(now);
            }
        }
    }
}
