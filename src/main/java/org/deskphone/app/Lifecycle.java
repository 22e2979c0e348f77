package org.deskphone.app;

import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.deskphone.config.ConfigChange;
import org.deskphone.config.ConfigStore;
import org.deskphone.dialplan.DialPlan;
import org.deskphone.hal.Board;
import org.deskphone.loop.Clock;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.net.time.PhoneClock;
import org.deskphone.provision.ConfigSink;
import org.deskphone.provision.ProvisioningClient;
import org.deskphone.sip.CheckSync;
import org.deskphone.sip.SipEvents;
import org.deskphone.sip.SipSettings;
import org.deskphone.sip.SipStartException;
import org.deskphone.sip.UserAgent;
import org.deskphone.web.DialPlanSource;
import org.deskphone.web.FrontPanel;
import org.deskphone.web.PhoneActions;
import org.deskphone.web.WebServer;
import org.deskphone.web.WebSessions;
import org.tinylog.Logger;

/**
 * Runs phones one after another until told to stop: start, wait, and then stop, restart (a setting
 * needs it) or factory reset (wipe the data folder, then restart). Signals end it through
 * {@link #stopAndWait(Duration)} from a shutdown hook.
 */
final class Lifecycle {
    /** Stop must finish within 3 s of SIGINT/SIGTERM; this leaves room for the JVM to exit. */
    static final Duration STOP_BUDGET = Duration.ofMillis(2500);
    static final String CONFIG_FOLDER = "config";

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
    /** Web logins outlive a restart of the phone; a factory reset ends them. */
    private final WebSessions webSessions = new WebSessions(Clock.system());
    private Ending ending;
    /** The running phone's front (LCD, LEDs, keys) as the web UI sees it. */
    private FrontPanel panel;

    Lifecycle(BoardSource boards, DataFolder data, Consumer<Phone> onReady) {
        this.boards = boards;
        this.data = data;
        this.onReady = onReady;
    }

    /** Runs until {@link #request(Ending)} asks for STOP. */
    void run() throws Exception {
        try {
            while (!stopRequested()) {
                Phone phone = newPhone();
                // The manuals reboot for a new learned VLAN (ALE L605-612); the phone restarts.
                phone.network().onRestartNeeded(() -> request(Ending.RESTART));
                // A local change that needs it restarts the phone at once; a provisioning run restarts it
                // through its client, after the run's resources and when no call is up (Yealink L1461-1467).
                phone.config().subscribe(change -> {
                    if (change.needsRestart() && change.origin() == ConfigChange.Origin.LOCAL) {
                        Logger.info("configuration change needs a restart: {}", new TreeSet<>(change.changed()));
                        request(Ending.RESTART);
                    }
                });
                phone.loop().start("phone-loop");
                phone.start().get(10, TimeUnit.SECONDS);
                startSip(phone);
                Optional<ProvisioningClient> provisioning = startProvisioning(phone);
                provisioning.ifPresent(client -> checkSyncStartsProvisioning(phone, client));
                restartSipOnChange(phone, provisioning);
                startWeb(phone, provisioning);
                onReady.accept(phone);
                Ending why = awaitEnding();
                Logger.info("phone {}", why.doing);
                provisioning.ifPresent(ProvisioningClient::stop);
                phone.stop(STOP_BUDGET);
                if (why == Ending.FACTORY_RESET) {
                    webSessions.clear();
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

    /**
     * Starts the SIP user agent with the accounts of the configuration; a phone whose SIP cannot start (a port
     * taken, a broken certificate) still comes up, and says why on its ready line and in the log.
     */
    private void startSip(Phone phone) {
        try {
            SipSettings settings = SipSetup.settings(data, phone.config().current(), phone.board().descriptor(), java.util.Map.of());
            phone.attachSip(UserAgent.start(settings, phone.audio().calls(), phone.loop(), new SipLog()));
        } catch (SipStartException | IOException | RuntimeException e) {
            Logger.error("SIP is not available: {}", e.getMessage());
            phone.sipFailed(e.getMessage());
        }
    }

    /**
     * When the configuration's SIP settings change (provisioning, the web UI), the user agent restarts with
     * them: it unregisters and registers anew, off the loop, because stopping waits for answers that arrive
     * on the loop. Calls in progress are ended, so the restart waits until there are none.
     */
    private void restartSipOnChange(Phone phone, Optional<ProvisioningClient> provisioning) {
        phone.config().subscribe(change -> {
            if (!SipSetup.concernsSip(change) || phone.sip().isEmpty()) {
                return;
            }
            Logger.info("SIP settings changed ({}); restarting the user agent", new TreeSet<>(change.changed()));
            whenNoCall(phone, () -> {
                Thread restart = new Thread(() -> {
                    phone.sip().ifPresent(old -> old.stop(STOP_BUDGET));
                    startSip(phone);
                    provisioning.ifPresent(client -> checkSyncStartsProvisioning(phone, client));
                }, "sip-restart");
                restart.setDaemon(true);
                restart.start();
            });
        });
    }

    /** Runs {@code action} on the loop once no call is up, checking every 5 s. */
    private static void whenNoCall(Phone phone, Runnable action) {
        if (phone.sip().map(ua -> ua.calls().isEmpty()).orElse(true)) {
            action.run();
        } else {
            phone.loop().schedule(Duration.ofSeconds(5), () -> whenNoCall(phone, action));
        }
    }

    /** A SIP NOTIFY {@code Event: check-sync} (with {@code reboot=true} or not) starts a provisioning run. */
    private static void checkSyncStartsProvisioning(Phone phone, ProvisioningClient client) {
        phone.sip().ifPresent(ua -> phone.loop().post(() -> ua.addListener(new SipEvents() {
            @Override
            public void checkSync(CheckSync request) {
                client.checkSync(request.reboot());
            }
        })));
    }

    private Phone newPhone() throws IOException {
        PhoneLoop loop = new PhoneLoop(new PhoneClock(Clock.system()));
        Board board = boards.open();
        try {
            ConfigStore config = ConfigStore.open(data.folder(CONFIG_FOLDER), loop);
            panel = FrontPanel.of(board);
            return new Phone(panel.board(), data, loop, config, ZoneId.systemDefault());
        } catch (IOException | RuntimeException e) {
            board.close();
            throw e;
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
            ConfigSink store = new ConfigSink(phone.config(), phone::resourceInstalled);
            ProvisioningClient client = PhoneProvisioning.builder(phone.board().descriptor(), data, phone.loop(), store,
                    why -> request(Ending.RESTART), PhoneProvisioning.Overrides.NONE, phone.network()::dhcpSource)
                    // Asked on the loop, where the user agent's calls live.
                    .callGuard(() -> phone.sip().map(ua -> !ua.calls().isEmpty()).orElse(false))
                    .build();
            client.start();
            return Optional.of(client);
        } catch (IOException | RuntimeException e) {
            Logger.error("provisioning is off: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The web UI, where the board's descriptor and the settings say (the PC listens on loopback only). A
     * phone whose web UI cannot start (a port taken) still comes up, and says why.
     */
    private void startWeb(Phone phone, Optional<ProvisioningClient> provisioning) {
        try {
            WebServer web = WebServer.builder(phone.loop(), phone.config(), data.root())
                    .board(phone.board().descriptor())
                    .panel(panel)
                    .network(phone.network())
                    .provisioning(provisioning.orElse(null))
                    .sessions(webSessions)
                    .accounts(phone.registrations())
                    .history(new WebCallHistory(phone))
                    .dialPlans(dialPlans(phone.dialPlan()))
                    .version(Version.version())
                    .actions(new PhoneActions() {
                        @Override
                        public void reboot() {
                            request(Ending.RESTART);
                        }

                        @Override
                        public void factoryReset() {
                            request(Ending.FACTORY_RESET);
                        }
                    })
                    .start();
            phone.attachWeb(web);
        } catch (IOException | RuntimeException e) {
            Logger.error("the web UI is off: {}", e.getMessage());
        }
    }

    /** The dial-plan page's tester dials with the plan in force, and says where it came from. */
    private static DialPlanSource dialPlans(PhoneDialPlan plans) {
        return new DialPlanSource() {
            @Override
            public DialPlan plan() {
                return plans.current();
            }

            @Override
            public String origin() {
                return plans.refused().map(why -> "the plan in force before: the configured one is refused (" + why.getMessage() + ")")
                        .orElse("the configuration");
            }
        };
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
