package org.deskphone.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.deskphone.call.CallHistory;
import org.deskphone.call.SipTelephony;
import org.deskphone.call.Sounds;
import org.deskphone.call.Telephone;
import org.deskphone.config.ConfigChange;
import org.deskphone.config.ConfigStore;
import org.deskphone.hal.Board;
import org.deskphone.hal.HookState;
import org.deskphone.hal.KeyEvent;
import org.deskphone.keys.KeyLayout;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.net.LearnedVlan;
import org.deskphone.net.NetConfiguration;
import org.deskphone.net.NetworkService;
import org.deskphone.net.time.PhoneClock;
import org.deskphone.net.time.SntpClient;
import org.deskphone.net.time.TimeKeeper;
import org.deskphone.provision.ResourceKind;
import org.deskphone.sip.UserAgent;
import org.deskphone.ui.Faceplate;
import org.deskphone.voice.PhoneAudio;
import org.deskphone.web.WebServer;
import org.tinylog.Logger;

/**
 * One phone: a board's drivers wired to the phone loop, and the features that live on it. Drivers post
 * their events to the loop; everything here after construction runs on the loop thread.
 */
public final class Phone {
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
    private final SipTelephony telephony = new SipTelephony();
    private final HistoryFile historyFile;
    private final PhoneDirectory directory;
    private Telephone telephone;
    private Faceplate faceplate;
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
        this.historyFile = new HistoryFile(data.root().resolve("history"));
        this.directory = new PhoneDirectory(PhoneProvisioning.resources(data.root()));
    }

    /** Provisioning installed a resource file: the dial plan's rule files and the contacts are read again. On the loop. */
    void resourceInstalled(ResourceKind kind) {
        dialPlan.rulesInstalled(kind);
        directory.installed(kind);
        if (kind == ResourceKind.LANGUAGE && faceplate != null) {
            faceplate.reconfigure();
        }
    }

    /**
     * The language files provisioning installed ({@code <data>/resources/languages}, ALE's custom-language
     * format), as text; one that cannot be read is left out, and logged.
     */
    private List<String> languageFiles() {
        Path folder = PhoneProvisioning.resources(data.root()).resolve(ResourceKind.LANGUAGE.folder());
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<String> files = new ArrayList<>();
        try (Stream<Path> listed = Files.list(folder)) {
            for (Path file : listed.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted().toList()) {
                try {
                    files.add(Files.readString(file, StandardCharsets.UTF_8));
                } catch (IOException | UncheckedIOException e) {
                    Logger.error("language file {} cannot be read: {}", file, e.getMessage());
                }
            }
        } catch (IOException e) {
            Logger.error("language files in {} cannot be listed: {}", folder, e.getMessage());
        }
        return files;
    }

    /** The telephone (calls and their features), once started; on the loop. */
    public Telephone telephone() {
        return telephone;
    }

    /** The keys, the screen and the LEDs, once started; on the loop. */
    public Faceplate faceplate() {
        return faceplate;
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
            audio.follow(config, network);
            startTelephone();
            network.subscribe(faceplate::redraw);
            config.subscribe(this::configChanged);
            dialPlan.start();
            faceplate.redraw();
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

    /** The user agent started (again): the telephone's calls and lines are now its own. Any thread. */
    void attachSip(UserAgent agent) {
        UserAgent old = this.sip;
        this.sip = agent;
        loop.post(() -> {
            if (old != null) {
                telephony.detach();
            }
            telephony.attach(agent);
            agent.addListener(registrations);
            registrations.started(agent.accounts());
        });
    }

    /** The board's configurable keys ({@code keys.line}, {@code keys.programmable}, {@code keys.soft}); the PC's by default. */
    private KeyLayout.Counts keyCounts() {
        KeyLayout.Counts pc = KeyLayout.Counts.PC;
        return new KeyLayout.Counts(count("keys.line", pc.line()), count("keys.programmable", pc.programmable()), count("keys.soft", pc.soft()));
    }

    private int count(String name, int otherwise) {
        try {
            return board.descriptor().get(name).map(String::strip).map(Integer::parseInt).orElse(otherwise);
        } catch (NumberFormatException e) {
            Logger.warn("board descriptor: {} is not a number; {} is used", name, otherwise);
            return otherwise;
        }
    }

    /**
     * The telephone and its faceplate on the loop: SIP through {@link SipTelephony} (attached when the user
     * agent starts), tones and ring tones on the media engine ({@link EngineSounds}), the dial plan in force ({@link PhoneDialPlan}), the call history kept in {@code <data>/history}, the
     * contacts provisioning installed ({@link PhoneDirectory}), the board's display, LEDs and key counts.
     */
    private void startTelephone() {
        CallHistory history = new CallHistory(historyFile.load(), historyFile);
        directory.load();
        // Tones and ring tones on the media engine, the same sound card the calls use.
        Sounds sounds = new EngineSounds(audio.engine(), audio::tones,
                PhoneProvisioning.resources(data.root()).resolve(ResourceKind.RINGTONE.folder()));
        telephone = new Telephone(loop, telephony, sounds, config, dialPlan::current, history);
        faceplate = new Faceplate(loop, telephone, board.display(), board.leds(), config, keyCounts()).idle(new Faceplate.IdleSource() {
            @Override
            public java.time.LocalDateTime now() {
                return network.zone().local(clock.now());
            }

            @Override
            public java.time.format.DateTimeFormatter timeFormat() {
                return network.settings().time().format().time();
            }

            @Override
            public java.time.format.DateTimeFormatter dateFormat() {
                return network.settings().time().format().date();
            }

            @Override
            public boolean networkAvailable() {
                return network.available();
            }

            @Override
            public String product() {
                return "deskphone";
            }
        });
        faceplate.languageFiles(this::languageFiles);
        telephone.directory(directory::current);
        onKey(faceplate::key);
        onHook(faceplate::hook);
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
        if (!historyFile.close(Duration.ofMillis(200))) {
            Logger.warn("the call history was not saved in time");
        }
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
        if (faceplate != null) {
            faceplate.stop();
        }
        network.stop();
        audio.close();
        return null;
    }

    /** The network reads addressing, VLAN, time, syslog and DHCP settings; a change to them re-applies it. */
    private void configChanged(ConfigChange change) {
        if (NETWORK_PREFIXES.stream().anyMatch(change::touches)) {
            network.reconfigure(networkSettings());
        }
        if (faceplate != null) {
            faceplate.reconfigure();
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
}
