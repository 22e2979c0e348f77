package org.deskphone.app;

import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.deskphone.hal.Board;
import org.deskphone.loop.Clock;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.provision.ProvisioningClient;
import org.tinylog.Logger;

/**
 * Runs phones one after another until told to stop: start, wait, and then stop, restart (a setting
 * needs it) or factory reset (wipe the data folder, then restart). Signals end it through
 * {@link #stopAndWait(Duration)} from a shutdown hook.
 */
final class Lifecycle {
    /** Stop must finish within 3 s of SIGINT/SIGTERM; this leaves room for the JVM to exit. */
    static final Duration STOP_BUDGET = Duration.ofMillis(2500);

    enum Ending {
        STOP("stopping"), RESTART("restarting"), FACTORY_RESET("resetting to factory settings");

        final String doing;

        Ending(String doing) {
            this.doing = doing;
        }
    }

    interface BoardSource {
        Board open() throws IOException;
    }

    private final BoardSource boards;
    private final DataFolder data;
    private final Consumer<Phone> onReady;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Object lock = new Object();
    private Ending ending;

    Lifecycle(BoardSource boards, DataFolder data, Consumer<Phone> onReady) {
        this.boards = boards;
        this.data = data;
        this.onReady = onReady;
    }

    /** Runs until {@link #request(Ending)} asks for STOP. */
    void run() throws Exception {
        try {
            while (!stopRequested()) {
                Phone phone = new Phone(boards.open(), data, new PhoneLoop(Clock.system()), ZoneId.systemDefault());
                phone.loop().start("phone-loop");
                phone.start().get(10, TimeUnit.SECONDS);
                Optional<ProvisioningClient> provisioning = startProvisioning(phone);
                onReady.accept(phone);
                Ending why = awaitEnding();
                Logger.info("phone {}", why.doing);
                provisioning.ifPresent(ProvisioningClient::stop);
                phone.stop(STOP_BUDGET);
                if (why == Ending.FACTORY_RESET) {
                    data.wipe();
                    Logger.info("factory reset: data folder {} wiped", data);
                }
                if (why == Ending.STOP) {
                    return;
                }
            }
        } finally {
            stopped.countDown();
        }
    }

    /** Asks the running phone to end this way. The first request wins until it is acted on. */
    void request(Ending why) {
        synchronized (lock) {
            if (ending == null || why == Ending.STOP) {
                ending = why;
            }
            lock.notifyAll();
        }
    }

    /** From a shutdown hook: request a stop and wait for it, at most {@code timeout}. */
    boolean stopAndWait(Duration timeout) {
        request(Ending.STOP);
        try {
            return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Provisioning as the configured update modes say (power on, intervals, weekly windows); a setting that
     * needs it restarts the phone through this lifecycle. A phone whose provisioning cannot be set up (a
     * board without a MAC, say) still comes up, and says why.
     */
    private Optional<ProvisioningClient> startProvisioning(Phone phone) {
        try {
            ProvisioningClient client = PhoneProvisioning.builder(phone.board().descriptor(), data, phone.loop(),
                    PhoneProvisioning.store(data), why -> request(Ending.RESTART), PhoneProvisioning.Overrides.NONE).build();
            client.start();
            return Optional.of(client);
        } catch (IOException | RuntimeException e) {
            Logger.error("provisioning is off: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private boolean stopRequested() {
        synchronized (lock) {
            return ending == Ending.STOP;
        }
    }

    private Ending awaitEnding() throws InterruptedException {
        synchronized (lock) {
            while (ending == null) {
                lock.wait();
            }
            Ending why = ending;
            ending = null;
            return why;
        }
    }
}
