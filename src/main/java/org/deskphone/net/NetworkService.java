package org.deskphone.net;

import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import org.deskphone.hal.DhcpLease;
import org.deskphone.hal.Network;
import org.deskphone.hal.NetworkPlan;
import org.deskphone.hal.NetworkStatus;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.net.syslog.RemoteSyslog;
import org.deskphone.net.time.LocalZone;
import org.deskphone.net.time.TimeKeeper;
import org.deskphone.provision.dhcp.DhcpSource;
import org.tinylog.Logger;

/**
 * The phone's network, owned on the phone loop: it turns the settings and what DHCP and LLDP say into the
 * plan the board's driver applies, and keeps the state other features read - status, DHCP facts, VLAN,
 * QoS marking, local time zone. Driver reports arrive on the loop; applying a plan runs on
 * {@code worker}.
 *
 * <p>When the VLAN learned from the network changes while the phone runs, the new plan is applied and
 * the phone restarts, as the ALE manual has it for LLDP (L605-612, digest E-17). A plan the system
 * refuses is not half-applied: the driver keeps the previous configuration and the error is logged once.
 */
public final class NetworkService {
    /** DHCPv4 options the system's client asks for beyond its usual ones (time offset, SNTP, provisioning, zone, 802.1p). */
    static final List<Integer> REQUESTED = List.of(DhcpFacts.TIME_OFFSET, DhcpFacts.NTP_SERVERS, DhcpFacts.VENDOR_SPECIFIC,
            66, 67, DhcpFacts.POSIX_TIME_ZONE, DhcpFacts.TZ_NAME, DhcpFacts.PRIORITY);

    private final Network driver;
    private final PhoneLoop loop;
    private final Executor worker;
    private final TimeKeeper time;
    private final ZoneId systemZone;
    private final LearnedVlan memory;
    private final List<Runnable> listeners = new ArrayList<>();
    private Runnable restart = () -> { };
    private NetSettings settings;
    private NetworkStatus status;
    private Optional<DhcpSource.Found> inform = Optional.empty();
    /** The system's lease as last seen on the loop, for {@link #dhcpSource}'s callers on other threads. */
    private volatile DhcpLease latestLease = DhcpLease.NONE;
    private DhcpFacts dhcp = DhcpFacts.NONE;
    private Vlan vlan;
    private Vlan learned;
    private Qos qos;
    private LocalZone zone;
    private NetworkPlan planned;
    private boolean started;

    public NetworkService(Network driver, PhoneLoop loop, Executor worker, NetSettings settings, TimeKeeper time,
            ZoneId systemZone, LearnedVlan memory) {
        this.driver = Objects.requireNonNull(driver, "driver");
        this.loop = Objects.requireNonNull(loop, "loop");
        this.worker = Objects.requireNonNull(worker, "worker");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.time = Objects.requireNonNull(time, "time");
        this.systemZone = Objects.requireNonNull(systemZone, "systemZone");
        this.memory = Objects.requireNonNull(memory, "memory");
        this.status = driver.status();
        this.learned = memory.load();
        decide();
    }

    /** Opens the driver, applies the settings' plan and starts the clock's synchronisation. On the loop. */
    public void start() {
        started = true;
        report(settings.problems());
        driver.open(newStatus -> loop.post(() -> changed(newStatus)));
        status = driver.status();
        decide();
        time.configure(settings.time());
        time.dhcpServers(dhcp.sntpServers());
        RemoteSyslog.configure(settings.syslog());
        applyPlan(false);
    }

    /** New settings (a configuration change): re-decides, re-applies and re-synchronises. On the loop. */
    public void reconfigure(NetSettings newSettings) {
        settings = Objects.requireNonNull(newSettings, "settings");
        report(settings.problems());
        decide();
        time.configure(settings.time());
        time.dhcpServers(dhcp.sntpServers());
        RemoteSyslog.configure(settings.syslog());
        applyPlan(false);
        notifyListeners();
    }

    /** The provisioning client's DHCPINFORM answer: it comes before the system's lease. On the loop. */
    public void informAnswered(DhcpSource.Found answer) {
        if (answer.v4().isPresent() || answer.v6().isPresent()) {
            inform = Optional.of(answer);
            refresh();
        }
    }

    /**
     * The DHCP options for provisioning, gathered in one place: {@code inform} asks (the provisioning
     * client's DHCPINFORM), the answer also reaches this service (time, VLAN), and the options of the
     * system's lease fill in what the answer lacks. Blocking, like {@code inform}; called off the loop.
     */
    public DhcpSource dhcpSource(DhcpSource inform) {
        return (customOptions, vendorClass) -> {
            DhcpSource.Found asked = inform.discover(customOptions, vendorClass);
            loop.post(() -> informAnswered(asked));
            return DhcpFacts.merge(List.of(asked, DhcpFacts.fromLease(latestLease)));
        };
    }

    /** Called on the loop when a learned VLAN change needs the phone to restart. */
    public void onRestartNeeded(Runnable action) {
        restart = Objects.requireNonNull(action, "action");
    }

    /** Called on the loop after every change of what this service shows. */
    public void subscribe(Runnable listener) {
        listeners.add(listener);
    }

    public NetworkStatus status() {
        return status;
    }

    /** True when the port holds an address others can reach; false shows "network unavailable". */
    public boolean available() {
        return status.usable();
    }

    public DhcpFacts dhcp() {
        return dhcp;
    }

    public Vlan vlan() {
        return vlan;
    }

    /** The DSCP and 802.1p marking for SIP and RTP sockets. */
    public Qos qos() {
        return qos;
    }

    /** The zone the phone shows time in. */
    public LocalZone zone() {
        return zone;
    }

    public TimeKeeper time() {
        return time;
    }

    public NetSettings settings() {
        return settings;
    }

    /** The plan last handed to the driver. */
    public NetworkPlan plan() {
        return planned;
    }

    /** The lines of the network status page. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>(status.describe());
        lines.add("VLAN: " + vlan);
        lines.add("QoS: SIP " + qos.sip() + " / " + qos.sipPriority() + ", RTP " + qos.rtp() + " / " + qos.rtpPriority());
        lines.add("Time: " + time.source() + ", zone " + zone);
        lines.add(RemoteSyslog.status());
        return lines;
    }

    public void stop() {
        started = false;
        time.stop();
        RemoteSyslog.stop(java.time.Duration.ofMillis(500));
    }

    private void changed(NetworkStatus newStatus) {
        if (!started) {
            return;
        }
        status = newStatus;
        refresh();
    }

    private void refresh() {
        Vlan before = vlan;
        decide();
        time.dhcpServers(dhcp.sntpServers());
        if (!vlan.equals(before)) {
            Logger.info("VLAN now {} (was {})", vlan, before);
            if (vlan.learned() || before.learned()) {
                learned = vlan;
                Vlan keep = vlan;
                worker.execute(() -> memory.save(keep));
            }
            applyPlan(true);
        }
        notifyListeners();
    }

    private void decide() {
        latestLease = status.lease();
        List<DhcpSource.Found> sources = new ArrayList<>();
        inform.ifPresent(sources::add);
        sources.add(DhcpFacts.fromLease(status.lease()));
        dhcp = DhcpFacts.gather(sources, settings.vlan().dhcpOptions());
        vlan = Vlan.choose(settings.vlan(), status.voicePolicy(), dhcp, learned);
        qos = Qos.decide(settings.qos(), settings.vlan().lldp() ? status.voicePolicy() : Optional.empty(), dhcp.priority());
        zone = settings.time().zone().resolve(dhcp.zone(), systemZone);
    }

    private NetworkPlan nextPlan() {
        NetSettings.Addressing a = settings.addressing();
        TreeSet<Integer> options = new TreeSet<>(REQUESTED);
        options.addAll(settings.vlan().dhcpOptions());
        options.addAll(a.customOptions());
        List<String> ntp = settings.time().serversConfigured() ? settings.time().servers() : List.of();
        return new NetworkPlan(a.ipv4(), a.ipv6(), a.staticDns(), a.hostname(), a.vendorClass(), List.copyOf(options),
                vlan.id(), vlan.id().isPresent() ? qos.priorityByDscp() : java.util.Map.of(), a.link(), settings.discovery(), settings.dot1x(),
                settings.vpn(), ntp);
    }

    /** Hands the plan to the driver off the loop; {@code restartAfter} restarts the phone once it is applied. */
    private void applyPlan(boolean restartAfter) {
        NetworkPlan plan = nextPlan();
        if (plan.equals(planned)) {
            return;
        }
        planned = plan;
        worker.execute(() -> {
            try {
                Network.Applied result = driver.apply(plan);
                loop.post(() -> applied(plan, result, restartAfter));
            } catch (IOException | RuntimeException e) {
                loop.post(() -> refused(plan, e));
            }
        });
    }

    private void applied(NetworkPlan plan, Network.Applied result, boolean restartAfter) {
        if (result == Network.Applied.APPLIED) {
            Logger.info("network configuration applied");
            if (restartAfter && started && plan.equals(planned)) {
                Logger.info("restarting for the new VLAN");
                restart.run();
            }
        }
    }

    private void refused(NetworkPlan plan, Exception e) {
        Logger.error("network settings not applied, the previous ones stay: {}", e.getMessage());
        if (plan.equals(planned)) {
            planned = null;
        }
    }

    private void report(List<String> problems) {
        for (String problem : problems) {
            Logger.warn("network setting: {}", problem);
        }
    }

    private void notifyListeners() {
        for (Runnable listener : listeners) {
            listener.run();
        }
    }
}
