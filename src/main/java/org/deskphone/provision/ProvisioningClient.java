package org.deskphone.provision;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.deskphone.config.Config;
import org.deskphone.config.ConfigStore;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.loop.Timer;
import org.deskphone.provision.dhcp.DhcpSource;
import org.tinylog.Logger;

/**
 * The phone's provisioning: when to run (power on, every interval, weekly windows, now, check-sync, PnP),
 * one run at a time, and what to do after (restart when a setting needs it, never in a call).
 *
 * <p>Its state belongs to the phone loop; every public method may be called from any thread and posts
 * there. A run's network work (discovery, fetching, resource downloads) happens on one worker thread and
 * hands its results back to the loop, where the configuration is read and applied. Timers run on the loop's
 * clock, so tests drive a whole week of schedules with a virtual clock.
 */
public final class ProvisioningClient {
    /** "detect the call status every 30 seconds ... within 2 hours" (Yealink L1461-1467). */
    public static final Duration CALL_RECHECK = Duration.ofSeconds(30);
    public static final Duration CALL_GIVE_UP = Duration.ofHours(2);
    /** How long the start-up PnP SUBSCRIBE waits for a NOTIFY before discovery moves on to DHCP. */
    public static final Duration PNP_WAIT = Duration.ofSeconds(5);

    /** Makes a run's transports from its settings (TLS verification, timeouts). */
    @FunctionalInterface
    public interface TransportFactory {
        Transports create(ProvisioningSettings settings) throws IOException;
    }

    private final PhoneLoop loop;
    private final ConfigSink sink;
    private final DeviceIdentity identity;
    private final Set<FileSequence.Family> families;
    private final Path resources;
    private final ProvisioningState state;
    private final boolean dhcpAllowed;
    private final boolean pnpAllowed;
    private final DhcpSource dhcp;
    private final PnpDiscovery pnp;
    private final ZeroTouch zeroTouch;
    private final TransportFactory transports;
    private final CallGuard callGuard;
    private final Restarter restarter;
    private final Optional<FirmwareInstaller> firmware;
    private final ZoneId zone;
    private final Executor worker;

    // Owned by the loop.
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private final List<Timer> weeklyTimers = new ArrayList<>();
    private boolean busy;
    private boolean stopped;
    private UpdatePlan plan;
    private Timer periodicTimer;
    private Timer runGuard;
    private Timer restartGuard;
    private Optional<URI> pnpUrl = Optional.empty();
    private RunReport lastReport;
    private ConfigStore.Subscription settingsWatch;

    private ProvisioningClient(Builder builder) {
        this.loop = builder.loop;
        this.sink = builder.sink;
        this.identity = builder.identity;
        this.families = builder.families;
        this.resources = builder.resources;
        this.state = builder.state;
        this.dhcpAllowed = builder.dhcpAllowed;
        this.pnpAllowed = builder.pnpAllowed;
        this.dhcp = builder.dhcp;
        this.pnp = builder.pnp;
        this.zeroTouch = builder.zeroTouch;
        this.transports = builder.transports;
        this.callGuard = builder.callGuard;
        this.restarter = builder.restarter;
        this.firmware = builder.firmware;
        this.zone = builder.zone;
        this.worker = builder.worker != null ? builder.worker : Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "provisioning");
            thread.setDaemon(true);
            return thread;
        });
    }

    public static Builder builder(PhoneLoop loop, ConfigSink sink, DeviceIdentity identity) {
        return new Builder(loop, sink, identity);
    }

    /**
     * Starts the schedules and runs the power-on provisioning when the update mode asks for it, or the run a
     * {@code check-sync;reboot=true} left owed before the restart. The schedules follow the configuration
     * from then on (the web UI changes the update mode, a run brings new intervals).
     */
    public void start() {
        loop.post(() -> {
            if (stopped) {
                return;
            }
            settingsWatch = sink.subscribe(change -> {
                if (!stopped) {
                    replan();
                }
            });
            replan();
            if (state.runAfterRestart()) {
                save(() -> state.setRunAfterRestart(false));
                enqueue(new Pending(Trigger.AFTER_RESTART, Optional.empty()));
            } else if (plan.powerOn()) {
                enqueue(new Pending(Trigger.POWER_ON, Optional.empty()));
            }
        });
    }

    /**
     * Cancels the schedules and waiting runs; a run in progress ends without applying. The client's own
     * worker is stopped at once (its network work interrupted); a run that was about to hand it work is
     * abandoned on the loop.
     */
    public void stop() {
        loop.post(() -> {
            stopped = true;
            if (settingsWatch != null) {
                settingsWatch.cancel();
            }
            cancelTimers();
            cancel(runGuard);
            cancel(restartGuard);
            queue.forEach(p -> p.future.complete(RunReport.abandoned(p.trigger, "the phone stopped")));
            queue.clear();
        });
        if (worker instanceof ExecutorService service) {
            service.shutdownNow();
        }
    }

    /** "Provision now": from the command line, the web UI's button (Yealink L1510-1521) or an Action URI. */
    public CompletableFuture<RunReport> runNow(Trigger trigger) {
        return submit(new Pending(trigger, Optional.empty()));
    }

    /**
     * One run against {@code servers} only (in order, as discovery would try them), without discovery: the
     * command line's {@code --url}, a dialled provisioning code.
     */
    public CompletableFuture<RunReport> runFrom(List<ServerCandidate> servers, Trigger trigger) {
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("no server to provision from");
        }
        return submit(new Pending(trigger, Optional.of(List.copyOf(servers))));
    }

    /**
     * SIP NOTIFY {@code Event: check-sync} (Yealink L1529-1537): provision now, or with {@code reboot=true}
     * restart first and provision when back up. The SIP user agent calls this after answering 200 OK.
     */
    public void checkSync(boolean reboot) {
        loop.post(() -> {
            if (!reboot) {
                enqueue(new Pending(Trigger.CHECK_SYNC, Optional.empty()));
                return;
            }
            save(() -> state.setRunAfterRestart(true));
            restartWhenNoCall("check-sync with reboot=true");
        });
    }

    /** A PnP NOTIFY carried {@code url}: remember it as the PnP server and provision from it. */
    public void pnpNotified(URI url) {
        Objects.requireNonNull(url, "url");
        loop.post(() -> {
            pnpUrl = Optional.of(url);
            enqueue(new Pending(Trigger.PNP, Optional.empty()));
        });
    }

    /** The last run's report, asked on the loop. */
    public CompletableFuture<Optional<RunReport>> lastReport() {
        return loop.ask(() -> Optional.ofNullable(lastReport));
    }

    private CompletableFuture<RunReport> submit(Pending pending) {
        loop.post(() -> enqueue(pending));
        return pending.future;
    }

    // ---- on the loop ----

    private void enqueue(Pending pending) {
        if (stopped) {
            pending.future.complete(RunReport.abandoned(pending.trigger, "the phone stopped"));
            return;
        }
        for (Pending waiting : queue) {
            if (waiting.server.isEmpty() && pending.server.isEmpty()) {
                // One discovery run waiting is enough: a second would fetch the same files.
                waiting.future.whenComplete((report, error) -> pending.future.complete(report));
                return;
            }
        }
        queue.add(pending);
        if (!busy) {
            next();
        }
    }

    private void next() {
        Pending pending = queue.poll();
        if (pending == null || stopped) {
            return;
        }
        busy = true;
        whenNoCall("provisioning (" + pending.trigger + ")", () -> begin(pending), () -> finish(pending,
                RunReport.abandoned(pending.trigger, "a call lasted more than 2 hours; provisioning abandoned (Yealink L1461-1467)")),
                timer -> runGuard = timer);
    }

    private void begin(Pending pending) {
        Config config = sink.current();
        ProvisioningSettings settings = ProvisioningSettings.read(config);
        String vendorClass = families.contains(FileSequence.Family.YEALINK) ? settings.vendorClass()
                : ProvisioningSettings.aleVendorClass(config);
        Map<String, String> applied = sink.appliedFiles();
        Optional<URI> notified = pnpUrl;
        Logger.info("provisioning ({}) starts", pending.trigger);
        onWorker(pending, () -> {
            if (Thread.currentThread().isInterrupted()) {
                // stop() came between handing the run over and the worker taking it: no network for a stopped phone.
                loop.post(() -> finish(pending, RunReport.abandoned(pending.trigger, "the phone stopped")));
                return;
            }
            FetchPhase.Result fetched;
            Transports transportsForRun;
            try {
                transportsForRun = transports.create(settings);
                List<ServerCandidate> candidates = pending.server
                        .orElseGet(() -> discover(settings, notified, vendorClass));
                fetched = new FetchPhase(settings, identity, families, transportsForRun, sink, applied).run(candidates);
            } catch (IOException | RuntimeException e) {
                Logger.error(e, "provisioning failed before fetching");
                loop.post(() -> finish(pending, new RunReport(pending.trigger, RunReport.Outcome.NO_CONFIGURATION, Optional.empty(),
                        List.of(), ApplyReport.NOTHING, List.of("cannot provision: " + e.getMessage()))));
                return;
            }
            loop.post(() -> afterFetch(pending, settings, transportsForRun, fetched));
        });
    }

    private void afterFetch(Pending pending, ProvisioningSettings settings, Transports transportsForRun, FetchPhase.Result fetched) {
        List<String> notes = new ArrayList<>(fetched.notes());
        Optional<String> from = fetched.server().map(ServerCandidate::toString);
        if (fetched.server().isEmpty() || stopped) {
            finish(pending, new RunReport(pending.trigger, RunReport.Outcome.NO_CONFIGURATION, from, fetched.requests(),
                    ApplyReport.NOTHING, notes));
            return;
        }
        if (FetchPhase.sameAsApplied(FetchPhase.fingerprint(fetched.files()), sink.appliedFiles())) {
            notes.add("every file is as last applied: nothing applied (Yealink L1567-1577)");
            finish(pending, new RunReport(pending.trigger, RunReport.Outcome.UNCHANGED, from, fetched.requests(), ApplyReport.NOTHING,
                    notes));
            return;
        }
        // The store records the files it applied with their MD5s, saved with the values they gave.
        ApplyReport applied = sink.apply(fetched.files());
        ProvisioningSettings after = ProvisioningSettings.read(sink.current());
        ServerCandidate server = fetched.server().get();
        Map<String, String> installedMd5 = state.resources();
        onWorker(pending, () -> {
            ResourcePhase.Result result;
            List<String> firmwareNotes = new ArrayList<>();
            boolean firmwareInstalled;
            try {
                result = new ResourcePhase(resources, transportsForRun, after, installedMd5, firmware.isPresent())
                        .run(server, fetched.files());
                firmwareInstalled = installFirmware(result, firmwareNotes);
            } catch (RuntimeException e) {
                // The configuration is applied; a broken resource step must not leave the client busy for ever.
                Logger.error(e, "resource downloads failed");
                result = new ResourcePhase.Result(List.of(), List.of(), List.of("resource downloads failed: " + e));
                firmwareInstalled = false;
            }
            ResourcePhase.Result done = result;
            boolean installed = firmwareInstalled;
            loop.post(() -> afterResources(pending, fetched, applied, notes, done, installed, firmwareNotes));
        });
    }

    /**
     * Hands {@code work} to the worker. A worker shut down by {@link #stop()} takes no more: the run is
     * abandoned here, on the loop, before the stop that is on its way reaches the loop.
     */
    private void onWorker(Pending pending, Runnable work) {
        try {
            worker.execute(work);
        } catch (RejectedExecutionException e) {
            stopped = true;
            finish(pending, RunReport.abandoned(pending.trigger, "the phone stopped"));
        }
    }

    private void afterResources(Pending pending, FetchPhase.Result fetched, ApplyReport applied, List<String> notes,
            ResourcePhase.Result result, boolean firmwareInstalled, List<String> firmwareNotes) {
        List<ApplyReport.Change> changes = new ArrayList<>(applied.changes());
        List<ApplyReport.Rejection> rejected = new ArrayList<>(applied.rejected());
        List<String> warnings = new ArrayList<>(applied.warnings());
        boolean restart = applied.restartNeeded() || firmwareInstalled;
        for (ResourcePhase.Installed file : result.installed()) {
            if (file.setting().kind().readByStore()) {
                ApplyReport taken = sink.resourceInstalled(file.setting().kind(), file.file());
                changes.addAll(taken.changes());
                rejected.addAll(taken.rejected());
                warnings.addAll(taken.warnings());
                restart |= taken.restartNeeded();
                if (!taken.rejected().isEmpty()) {
                    continue;
                }
            }
            if (file.setting().kind() != ResourceKind.FIRMWARE || firmwareInstalled) {
                save(() -> state.recordResource(file.url(), file.md5()));
            }
        }
        notes.addAll(result.notes());
        notes.addAll(firmwareNotes);
        List<RequestRecord> requests = new ArrayList<>(fetched.requests());
        requests.addAll(result.requests());
        finish(pending, new RunReport(pending.trigger, RunReport.Outcome.APPLIED, fetched.server().map(ServerCandidate::toString),
                requests, new ApplyReport(changes, rejected, warnings, restart), notes));
    }

    private void finish(Pending pending, RunReport report) {
        lastReport = report;
        report.lines().forEach(line -> Logger.info("{}", line));
        busy = false;
        pending.future.complete(report);
        if (stopped) {
            return;
        }
        replan();
        if (report.restartNeeded()) {
            restartWhenNoCall("provisioning changed settings that need a restart");
        }
        next();
    }

    /** Runs {@code action} now, or once no call is up, checking every 30 s and giving up after 2 h. */
    private void whenNoCall(String what, Runnable action, Runnable giveUp, java.util.function.Consumer<Timer> keep) {
        if (!callGuard.callActive()) {
            action.run();
            return;
        }
        long since = loop.clock().millis();
        Logger.info("{} waits: a call is up; checking every {} s for up to {} h", what, CALL_RECHECK.toSeconds(),
                CALL_GIVE_UP.toHours());
        Runnable[] check = new Runnable[1];
        check[0] = () -> {
            keep.accept(null);
            if (stopped) {
                return;
            }
            if (!callGuard.callActive()) {
                action.run();
            } else if (loop.clock().millis() - since >= CALL_GIVE_UP.toMillis()) {
                Logger.warn("{}: the call lasted more than {} h; given up", what, CALL_GIVE_UP.toHours());
                giveUp.run();
            } else {
                keep.accept(loop.schedule(CALL_RECHECK, check[0]));
            }
        };
        keep.accept(loop.schedule(CALL_RECHECK, check[0]));
    }

    private void restartWhenNoCall(String why) {
        if (restartGuard != null) {
            return;
        }
        whenNoCall("restart (" + why + ")", () -> {
            restartGuard = null;
            Logger.info("restarting: {}", why);
            restarter.restart(why);
        }, () -> {
            restartGuard = null;
            Logger.warn("restart abandoned after {} h of calls; the new settings take effect at the next restart", CALL_GIVE_UP.toHours());
        }, timer -> restartGuard = timer);
    }

    /** Plans the scheduled runs for the update mode the configuration has now; unchanged plans keep their timers. */
    private void replan() {
        UpdatePlan next = ProvisioningSettings.read(sink.current()).plan();
        if (next.equals(plan)) {
            return;
        }
        plan = next;
        cancelTimers();
        plan.interval().ifPresent(interval -> {
            Duration first = Duration.ofMillis(Math.max(1000, (long) (interval.toMillis() * phoneFraction("interval"))));
            Logger.info("provisioning every {} min, this phone's first at +{} s", interval.toMinutes(), first.toSeconds());
            periodicTimer = loop.schedule(first, () -> periodic(interval));
        });
        for (int i = 0; i < plan.windows().size(); i++) {
            scheduleWeekly(plan.windows().get(i), phoneFraction("weekly" + i));
        }
    }

    private void periodic(Duration interval) {
        enqueue(new Pending(Trigger.PERIODIC, Optional.empty()));
        periodicTimer = loop.schedule(interval, () -> periodic(interval));
    }

    private void scheduleWeekly(WeeklyWindow window, double fraction) {
        ZonedDateTime now = ZonedDateTime.ofInstant(loop.clock().now(), zone);
        ZonedDateTime at = window.next(now, fraction);
        Timer[] mine = new Timer[1];
        mine[0] = loop.schedule(Duration.between(now, at), () -> {
            weeklyTimers.remove(mine[0]);
            ZonedDateTime fired = ZonedDateTime.ofInstant(loop.clock().now(), zone);
            if (window.contains(fired)) {
                enqueue(new Pending(Trigger.WEEKLY, Optional.empty()));
            } else {
                Logger.info("weekly provisioning: the clock moved ({} is outside the window); planning again", fired);
            }
            scheduleWeekly(window, fraction);
        });
        weeklyTimers.add(mine[0]);
    }

    /**
     * Where in a window or interval this phone provisions: the same every time for one phone, spread across
     * a fleet, so that a thousand phones do not hit the server at the same second.
     */
    double phoneFraction(String purpose) {
        return new SplittableRandom(identity.mac().hashCode() * 1_000_003L + purpose.hashCode()).nextDouble();
    }

    private void cancelTimers() {
        cancel(periodicTimer);
        periodicTimer = null;
        weeklyTimers.forEach(ProvisioningClient::cancel);
        weeklyTimers.clear();
    }

    // ---- on the worker ----

    private List<ServerCandidate> discover(ProvisioningSettings settings, Optional<URI> notified, String vendorClass) {
        Optional<ServerCandidate> typed = settings.zeroTouch() ? zeroTouch.ask(settings.zeroTouchWait()) : Optional.empty();
        Optional<URI> fromPnp = notified.or(() -> pnpAllowed && settings.pnp()
                ? pnp.discover(new PnpDiscovery.Request(identity, settings.pnpVendor(), settings.pnpPort()), PNP_WAIT) : Optional.empty());
        DhcpSource.Found found = dhcpAllowed && settings.dhcp() ? dhcp.discover(settings.customOptions(), vendorClass)
                : DhcpSource.Found.NONE;
        List<ServerCandidate> candidates = ServerDiscovery.candidates(settings,
                new ServerDiscovery.Inputs(typed, fromPnp, found.v4(), found.v6()));
        Logger.info("provisioning servers to try: {}", candidates);
        return candidates;
    }

    private boolean installFirmware(ResourcePhase.Result result, List<String> notes) {
        boolean installed = false;
        for (ResourcePhase.Installed file : result.installed()) {
            if (file.setting().kind() != ResourceKind.FIRMWARE || firmware.isEmpty()) {
                continue;
            }
            try {
                firmware.get().install(file.file());
                notes.add("firmware " + file.file().getFileName() + " installed; the phone restarts");
                installed = true;
            } catch (IOException e) {
                notes.add("firmware " + file.file().getFileName() + " not installed: " + e.getMessage());
            }
        }
        return installed;
    }

    private interface StateWrite {
        void run() throws IOException;
    }

    private static void save(StateWrite write) {
        try {
            write.run();
        } catch (IOException e) {
            Logger.error("cannot save the provisioning state: {}", e.getMessage());
        }
    }

    private static void cancel(Timer timer) {
        if (timer != null) {
            timer.cancel();
        }
    }

    /** A run asked for and not finished. */
    private static final class Pending {
        final Trigger trigger;
        final Optional<List<ServerCandidate>> server;
        final CompletableFuture<RunReport> future = new CompletableFuture<>();

        Pending(Trigger trigger, Optional<List<ServerCandidate>> server) {
            this.trigger = trigger;
            this.server = server;
        }
    }

    /** Wires a client; everything but the loop, the store and the identity has a default. */
    public static final class Builder {
        private final PhoneLoop loop;
        private final ConfigSink sink;
        private final DeviceIdentity identity;
        private Set<FileSequence.Family> families = EnumSet.allOf(FileSequence.Family.class);
        private Path resources;
        private ProvisioningState state = ProvisioningState.inMemory();
        private boolean dhcpAllowed;
        private boolean pnpAllowed;
        private DhcpSource dhcp = DhcpSource.NONE;
        private PnpDiscovery pnp = PnpDiscovery.NONE;
        private ZeroTouch zeroTouch = ZeroTouch.NONE;
        private TransportFactory transports;
        private CallGuard callGuard = CallGuard.NO_CALLS;
        private Restarter restarter = why -> Logger.warn("a restart is needed ({}), but nothing can restart this phone", why);
        private Optional<FirmwareInstaller> firmware = Optional.empty();
        private ZoneId zone = ZoneId.systemDefault();
        private Executor worker;

        private Builder(PhoneLoop loop, ConfigSink sink, DeviceIdentity identity) {
            this.loop = Objects.requireNonNull(loop, "loop");
            this.sink = Objects.requireNonNull(sink, "sink");
            this.identity = Objects.requireNonNull(identity, "identity");
            this.transports = settings -> Transports.standard(TlsSettings.defaults().withVerify(settings.verifyServer()),
                    settings.connectTimeout(), userAgent(identity));
        }

        /** The file sequences to request (the board's {@code provision.files}). */
        public Builder families(Set<FileSequence.Family> value) {
            families = EnumSet.copyOf(value);
            return this;
        }

        /** Where resource files go ({@code <data>/resources}) and where the state is kept. */
        public Builder data(Path resourcesFolder, ProvisioningState value) {
            resources = resourcesFolder;
            state = value;
            return this;
        }

        /** DHCP discovery, when the board allows broadcasts ({@code provision.dhcp}). */
        public Builder dhcp(boolean allowed, DhcpSource source) {
            dhcpAllowed = allowed;
            dhcp = source;
            return this;
        }

        /** PnP discovery, when the board allows multicast ({@code provision.pnp}). */
        public Builder pnp(boolean allowed, PnpDiscovery discovery) {
            pnpAllowed = allowed;
            pnp = discovery;
            return this;
        }

        public Builder zeroTouch(ZeroTouch value) {
            zeroTouch = value;
            return this;
        }

        public Builder transports(TransportFactory value) {
            transports = value;
            return this;
        }

        public Builder callGuard(CallGuard value) {
            callGuard = value;
            return this;
        }

        public Builder restarter(Restarter value) {
            restarter = value;
            return this;
        }

        public Builder firmware(FirmwareInstaller value) {
            firmware = Optional.of(value);
            return this;
        }

        /** The time zone weekly windows are read in. */
        public Builder zone(ZoneId value) {
            zone = value;
            return this;
        }

        /**
         * Where network work runs; by default a thread of the client's own. Tests on a virtual clock pass
         * {@code Runnable::run} so that a run completes inside {@link PhoneLoop#runPending()}.
         */
        public Builder worker(Executor value) {
            worker = value;
            return this;
        }

        public ProvisioningClient build() {
            if (resources == null) {
                throw new IllegalStateException("data(resourcesFolder, state) is required");
            }
            return new ProvisioningClient(this);
        }
    }

    /** The User-Agent a provisioning server sees: product, firmware, model and MAC, as desk phones send. */
    public static String userAgent(DeviceIdentity identity) {
        return "deskphone/" + identity.firmware() + " (" + identity.model() + "; " + identity.mac() + ")";
    }
}
