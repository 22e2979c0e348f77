package org.deskphone.hal;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * The phone's network port as the operating system runs it. A board's driver configures the system's
 * network service from a {@link NetworkPlan} and reports what the network is; a PC's driver only reports
 * and never changes anything.
 *
 * <p>Like the other drivers it reports from its own thread: {@link #open} delivers the first status
 * promptly and then every change. {@link #apply} may run system commands for seconds, so callers keep it
 * off the phone loop.
 */
public interface Network extends AutoCloseable {

    /** What applying a plan did. */
    enum Applied {
        /** The system already runs this plan; nothing was touched. */
        UNCHANGED,
        /** The system's configuration was replaced by the plan and the network re-applied. */
        APPLIED,
        /** This driver does not configure the system (the PC board): the plan was only noted. */
        NOT_MANAGED
    }

    /**
     * Starts delivering status to {@code listener}, from the driver's thread. Called once; when it returns,
     * {@link #status()} holds a fresh look at the system.
     */
    void open(Consumer<NetworkStatus> listener);

    /** The last status read; never blocks on the system. */
    NetworkStatus status();

    /**
     * Makes the system run {@code plan}: all of it or, when any part cannot be written, none of it.
     *
     * @throws IOException when the configuration could not be written or the system refused it; the
     *                     previous configuration is then still in place
     */
    Applied apply(NetworkPlan plan) throws IOException;

    @Override
    void close();
}
