package org.deskphone.sip;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.deskphone.loop.PhoneLoop;
import org.tinylog.Logger;

/**
 * Where SIP messages leave: one thread that hands them to jain-sip in the order the phone loop decided
 * them. Sending may block (a TCP or TLS connection being set up, up to its timeout), and the phone loop
 * must never block, so the loop queues sends here and hears back about failures as loop tasks.
 */
final class Outbox {
    /** A jain-sip call that sends something. */
    @FunctionalInterface
    interface Send {
        void run() throws Exception;
    }

    private final PhoneLoop loop;
    private final ExecutorService thread;

    Outbox(PhoneLoop loop, String name) {
        this.loop = loop;
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Sends; a failure reaches {@code onFailure} on the phone loop with a reason a user can read. */
    void send(String what, Send send, Consumer<String> onFailure) {
        try {
            thread.execute(() -> {
                try {
                    send.run();
                } catch (Exception e) {
                    String reason = what + " failed: " + (e.getMessage() != null ? e.getMessage() : e.toString());
                    Logger.debug(e, reason);
                    loop.post(() -> onFailure.accept(reason));
                }
            });
        } catch (RejectedExecutionException stopped) {
            Logger.debug("not sending {}: the user agent is stopping", what);
        }
    }

    /** Runs blocking work (DNS) off the loop; the answer is posted back. */
    void work(Runnable work) {
        try {
            thread.execute(work);
        } catch (RejectedExecutionException stopped) {
            Logger.debug("user agent stopping; work dropped");
        }
    }

    /** Lets queued sends go out (an unregister), then ends the thread. */
    void stop(Duration timeout) {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
