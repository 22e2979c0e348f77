package org.deskphone.app;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.deskphone.config.ConfigChange;
import org.deskphone.config.ConfigStore;
import org.deskphone.hal.Board;
import org.deskphone.hal.HookState;
import org.deskphone.hal.KeyEvent;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.loop.Timer;
import org.deskphone.net.LearnedVlan;
import org.deskphone.net.NetConfiguration;
import org.deskphone.net.NetworkService;
import org.deskphone.net.time.ClockFormat;
import org.deskphone.net.time.PhoneClock;
import org.deskphone.net.time.SntpClient;
import org.deskphone.net.time.TimeKeeper;
import org.deskphone.sip.UserAgent;
import org.deskphone.ui.IdleScreen;
import org.deskphone.voice.PhoneAudio;
import org.deskphone.web.WebServer;
import org.tinylog.Logger;

/**
 * One phone: a board's drivers wired to the phone loop, and the features that live on it. Drivers post
 * their events to the loop; everything here after construction runs on the loop thread.
 */
public final class Phone {
    static final String NO_ACCOUNT = "No account";
    private static final Duration SNTP_TIMEOUT = Duration.ofSeconds(2);
    private static final List<String> NETWORK_PREFIXES =
            List.of("network", "local_time", "syslog", "auto_provision.dhcp_option");

    private final Board board;
    private final DataFolder data;
    private final PhoneLoop loop;
    private final ConfigStore config;
    private final PhoneClock clock;
    private final ExecutorService networkWorker;
    private final NetworkService network;
    private final PhoneAudio audio;
    private final PhoneDialPlan dialPlan;
    private final List<Consumer<KeyEvent>> keyListeners = new ArrayList<>();
    private final List<Consumer<HookState>> hookListeners = new ArrayList<>();
    private IdleScreen idleScreen;
    private ClockFormat idleFormat;
    private Timer clockTick;
    private volatile UserAgent sip;
    private volatile String sipProblem = "not started";
    private final SipRegistrations registrations = new SipRegistrations();
    private volatile WebServer web;

    /** {@code systemZone} is the zone shown until settings or DHCP give one. */
    public Phone(Board board, DataFolder data, PhoneLoop loop, ConfigStore config, ZoneId systemZone) {
        this.board = board;
        this.data = data;
        this.loop = loop;
        this.config = config;
        this.clock = loop.clock() instanceof PhoneClock phoneClock ? phoneClock : new PhoneClock(loop.clock());
        this.networkWorker = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "network-worker");
            thread.setDaemon(true);
            return thread;
        });
        // Where the OS keeps time (the PC board) the phone asks no NTP server it was not given.
        boolean systemKeepsTime = board.descriptor().get("time").orElse("sntp").equals("os");
        TimeKeeper time = new TimeKeeper(loop, clock, networkWorker, new SntpClient(clock.base(), SNTP_TIMEOUT)::query,
                systemKeepsTime, SntpClient.PORT);
        // <data>/network: provisioned 802.1X and OpenVPN files, the learned VLAN; made when something is written.
        this.network = new NetworkService(board.network(), loop, networkWorker, networkSettings(), time, systemZone,
                LearnedVlan.in(networkData().resolve("learned-vlan")));
        this.audio = PhoneAudio.open(board.audio(), loop, config.current(), network.qos().rtp());
        this.dialPlan = new PhoneDialPlan(config, PhoneProvisioning.resources(data.root()));
    }

    public Board board() {
        return board;
    }

    public DataFolder data() {
        return data;
    }

    public PhoneLoop loop() {
        return loop;
    }

    /** The configuration store; it belongs to the loop (see {@link ConfigStore}). */
    public ConfigStore config() {
        return config;
    }

    /** The network, its DHCP facts, VLAN, QoS marking and local zone; owned by the loop. */
    public NetworkService network() {
        return network;
    }

    /** The media engine on the board's sound card, the calls' media and the tones; owned by the loop. */
    public PhoneAudio audio() {
        return audio;
    }

    /** The dial plan in force, following the configuration and the rule files provisioning installs. */
    public PhoneDialPlan dialPlan() {
        return dialPlan;
    }

    /** The phone's wall clock, corrected by its time source. */
    public PhoneClock clock() {
        return clock;
    }

    /**
     * Opens the drivers and draws the idle screen. The work runs on the loop; the future completes when
     * it has (at once on a started loop, at the next {@link PhoneLoop#runPending()} on a test's loop).
     */
    public CompletableFuture<Void> start() {
        return loop.ask(() -> {
            board.keypad().open(event -> loop.post(() -> keyEvent(event)));
            board.hook().open(state -> loop.post(() -> hookChanged(state)));
            network.start();
            network.subscribe(this::drawIdle);
            audio.follow(config, network);
            config.subscribe(this::configChanged);
            dialPlan.start();
            showIdle();
            Logger.info("phone up on board {} with data in {}", board.descriptor().name(), data);
            return null;
        });
    }

    /** The web UI, once started; empty when it is off or could not start (the log says why). */
    public java.util.Optional<WebServer> web() {
        return java.util.Optional.ofNullable(web);
    }

    void attachWeb(WebServer server) {
        this.web = server;
    }

    /** The SIP user agent, once started; empty when SIP could not start ({@link #sipProblem()} says why). */
    public java.util.Optional<UserAgent> sip() {
        return java.util.Optional.ofNullable(sip);
    }

    String sipProblem() {
        return sipProblem;
    }

    void attachSip(UserAgent agent) {
        this.sip = agent;
        loop.post(() -> {
            agent.addListener(registrations);
            registrations.started(agent.accounts());
        });
    }

    void sipFailed(String why) {
        this.sipProblem = why;
        registrations.stopped();
    }

    /** The accounts' registrations as the user agent last reported them, for the web UI; any thread. */
    SipRegistrations registrations() {
        return registrations;
    }

    /**
     * Stops the web UI; unregisters and stops SIP (while the loop still runs: the unregister's answers arrive
     * there), then stops timers on the loop, the loop itself, closes the drivers and saves what the
     * configuration store still holds; bounded by {@code timeout}.
     */
    public void stop(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        WebServer server = web;
        if (server != null) {
            server.stop();
        }
        UserAgent agent = sip;
        if (agent != null && !loop.inLoop()) {
            agent.stop(Duration.ofMillis(Math.max(200, timeout.toMillis() - 400)));
        }
        if (!loop.inLoop()) {
            try {
                loop.ask(this::quiesce).get(Math.max(1, timeout.toMillis() / 2), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                Logger.warn("phone loop did not quiesce in time: {}", e.toString());
            }
        } else {
            quiesce();
        }
        long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        if (!loop.stop(Duration.ofMillis(left))) {
            Logger.warn("phone loop thread did not end within {}", timeout);
        }
        board.close();
        networkWorker.shutdownNow();
        long remaining = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        if (!config.close(Duration.ofMillis(remaining))) {
            Logger.warn("the configuration was not saved within {}", timeout);
        }
        Logger.info("phone stopped");
    }

    /** Adds a handler for key events; runs on the loop. */
    public void onKey(Consumer<KeyEvent> listener) {
        keyListeners.add(listener);
    }

    /** Adds a handler for hook changes; runs on the loop. */
    public void onHook(Consumer<HookState> listener) {
        hookListeners.add(listener);
    }

    private Void quiesce() {
        if (clockTick != null) {
            clockTick.cancel();
        }
        network.stop();
        audio.close();
        return null;
    }

    /** The network reads addressing, VLAN, time, syslog and DHCP settings; a change to them re-applies it. */
    private void configChanged(ConfigChange change) {
        if (NETWORK_PREFIXES.stream().anyMatch(change::touches)) {
            network.reconfigure(networkSettings());
            drawIdle();
        }
    }

    private org.deskphone.net.NetSettings networkSettings() {
        return NetConfiguration.read(config.current(), board.descriptor().model(), networkData());
    }

    /** {@code <data>/network}: provisioned 802.1X and OpenVPN files, the learned VLAN; made when written. */
    private Path networkData() {
        return data.root().resolve("network");
    }

    private void keyEvent(KeyEvent event) {
        Logger.debug("key {}", event);
        for (Consumer<KeyEvent> listener : keyListeners) {
            listener.accept(event);
        }
    }

    private void hookChanged(HookState state) {
        Logger.debug("hook {}", state);
        for (Consumer<HookState> listener : hookListeners) {
            listener.accept(state);
        }
    }

    /** Draws the idle screen and wakes up again at the next minute to keep its clock right. */
    private void showIdle() {
        Instant now = drawIdle();
        Duration untilNextMinute = Duration.between(now, now.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES));
        clockTick = loop.schedule(untilNextMinute, this::showIdle);
    }

    /** The idle screen in the configured zone and format; "network unavailable" without a usable address. */
    private Instant drawIdle() {
        Instant now = clock.now();
        ClockFormat format = network.settings().time().format();
        if (!format.equals(idleFormat)) {
            idleFormat = format;
            idleScreen = new IdleScreen("deskphone", format.time(), format.date());
        }
        String status = network.available() ? NO_ACCOUNT : IdleScreen.NETWORK_UNAVAILABLE;
        board.display().show(idleScreen.render(board.display().geometry(), network.zone().local(now), status));
        return now;
    }
}
