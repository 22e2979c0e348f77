package org.deskphone.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.deskphone.hal.DhcpLease;
import org.deskphone.hal.Network;
import org.deskphone.hal.NetworkPlan;
import org.deskphone.hal.NetworkStatus;
import org.deskphone.hal.VoicePolicy;
import org.deskphone.hal.mock.MemoryNetwork;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.loop.VirtualClock;
import org.deskphone.net.time.PhoneClock;
import org.deskphone.net.time.SntpClient;
import org.deskphone.net.time.TimeKeeper;
import org.deskphone.provision.dhcp.DhcpSource;
import org.deskphone.testing.PhoneConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The network on the phone loop: plans, the learned VLAN and its restart (E-17), DHCP into time. */
class NetworkServiceTest {
    @TempDir
    Path data;
    private final VirtualClock base = new VirtualClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final PhoneLoop loop = new PhoneLoop(base);
    private final PhoneClock clock = new PhoneClock(base);
    private final List<String> sntpAsked = new ArrayList<>();
    private final TimeKeeper time = new TimeKeeper(loop, clock, Runnable::run, server -> {
        sntpAsked.add(server.getHostString());
        return new SntpClient.Sample(server, Duration.ofSeconds(5), Duration.ofMillis(1), 3);
    }, false, 123);
    private final AtomicInteger restarts = new AtomicInteger();

    private static NetworkStatus up(DhcpLease lease, Optional<VoicePolicy> voice) throws Exception {
        return new NetworkStatus("eth0", true, List.of(new NetworkStatus.Address(InetAddress.getByName("10.1.0.7"), 24)),
                List.of(InetAddress.getByName("10.1.0.1")), List.of(), OptionalInt.empty(), lease, voice);
    }

    private NetworkService service(Network driver, Map<String, String> settings, LearnedVlan memory) {
        PhoneConfig config = new PhoneConfig();
        settings.forEach(config::local);
        NetworkService service = new NetworkService(driver, loop, Runnable::run,
                NetConfiguration.read(config.current(), "deskphone-pi", data), time, ZoneId.of("UTC"), memory);
        service.onRestartNeeded(restarts::incrementAndGet);
        return service;
    }

    @Test
    void startAppliesThePlanOfTheSettings() throws Exception {
        MemoryNetwork driver = new MemoryNetwork(NetworkStatus.down("eth0"));
        NetworkService service = service(driver, Map.of(NetConfiguration.VLAN_DHCP_OPTION, "150",
                NetConfiguration.CUSTOM_OPTIONS, "160"), LearnedVlan.NONE);
        assertThat(service.available()).isFalse();
        service.start();
        loop.runPending();
        NetworkPlan plan = driver.applied().get(0);
        assertThat(plan.ipv4()).isEqualTo(NetworkPlan.Ipv4.DHCP);
        assertThat(plan.vlanId()).isEmpty();
        assertThat(plan.hostname()).isEqualTo("deskphone-pi");
        assertThat(plan.dhcpOptions()).contains(2, 42, 43, 66, 67, 100, 101, 133, 150, 160).doesNotContain(132);
        assertThat(plan.ntpServers()).as("factory servers are the phone's own business").isEmpty();
        assertThat(restarts).hasValue(0);
    }

    /** E-17 (ALE L605-612): an LLDP voice VLAN other than the current one is applied, then the phone restarts. */
    @Test
    void anLldpVoiceVlanIsAppliedAndThePhoneRestartsOnce() throws Exception {
        MemoryNetwork driver = new MemoryNetwork(up(DhcpLease.NONE, Optional.empty()));
        LearnedVlan memory = LearnedVlan.in(data.resolve("network/learned-vlan"));
        NetworkService service = service(driver, Map.of(), memory);
        service.start();
        loop.runPending();
        assertThat(driver.applied()).hasSize(1);

        driver.set(up(DhcpLease.NONE, Optional.of(new VoicePolicy(10, 6, 46))));
        loop.runPending();
        assertThat(service.vlan()).isEqualTo(new Vlan(OptionalInt.of(10), Vlan.Source.LLDP));
        assertThat(driver.applied()).hasSize(2);
        assertThat(driver.applied().get(1).vlanId()).hasValue(10);
        assertThat(driver.applied().get(1).pcpByDscp()).containsEntry(46, 6);
        assertThat(restarts).hasValue(1);
        assertThat(memory.load()).isEqualTo(service.vlan());

        driver.set(up(DhcpLease.NONE, Optional.of(new VoicePolicy(10, 6, 46))));
        loop.runPending();
        assertThat(driver.applied()).hasSize(2);
        assertThat(restarts).hasValue(1);
    }

    /** After the restart the VLAN is remembered, so the first plan is already the tagged one. */
    @Test
    void theLearnedVlanSurvivesARestart() throws Exception {
        LearnedVlan memory = LearnedVlan.in(data.resolve("network/learned-vlan"));
        memory.save(new Vlan(OptionalInt.of(30), Vlan.Source.DHCP_OPTION));
        MemoryNetwork driver = new MemoryNetwork(up(DhcpLease.NONE, Optional.empty()));
        service(driver, Map.of(), memory).start();
        loop.runPending();
        assertThat(driver.applied()).singleElement().satisfies(plan -> assertThat(plan.vlanId()).hasValue(30));
        assertThat(restarts).hasValue(0);
    }

    /** The PC board's driver configures nothing: a learned VLAN does not restart the phone there. */
    @Test
    void aDriverThatDoesNotManageTheNetworkNeverRestartsThePhone() throws Exception {
        List<Consumer<NetworkStatus>> listener = new ArrayList<>();
        Network observer = new Network() {
            @Override
            public void open(Consumer<NetworkStatus> l) {
                listener.add(l);
            }

            @Override
            public NetworkStatus status() {
                return NetworkStatus.down("eth0");
            }

            @Override
            public Applied apply(NetworkPlan plan) {
                return Applied.NOT_MANAGED;
            }

            @Override
            public void close() {
            }
        };
        NetworkService service = service(observer, Map.of(), LearnedVlan.NONE);
        service.start();
        listener.get(0).accept(up(DhcpLease.NONE, Optional.of(new VoicePolicy(10, 6, 46))));
        loop.runPending();
        assertThat(service.vlan().id()).hasValue(10);
        assertThat(restarts).hasValue(0);
    }

    @Test
    void aRefusedPlanKeepsThePhoneRunningAndIsTriedAgainOnTheNextChange() throws Exception {
        MemoryNetwork driver = new MemoryNetwork(up(DhcpLease.NONE, Optional.empty()));
        driver.refuseNextApply("nmcli: connection refused");
        NetworkService service = service(driver, Map.of(), LearnedVlan.NONE);
        service.start();
        loop.runPending();
        assertThat(driver.applied()).isEmpty();
        assertThat(service.plan()).isNull();
        driver.set(up(DhcpLease.NONE, Optional.of(new VoicePolicy(12, 5, 46))));
        loop.runPending();
        assertThat(driver.applied()).singleElement().satisfies(plan -> assertThat(plan.vlanId()).hasValue(12));
    }

    /** Option 42 sends the clock to its server; option 100 sets the zone; option 132 the VLAN. */
    @Test
    void theLeaseFeedsTimeZoneAndVlan() throws Exception {
        MemoryNetwork driver = new MemoryNetwork(NetworkStatus.down("eth0"));
        NetworkService service = service(driver, Map.of(), LearnedVlan.NONE);
        List<String> changes = new ArrayList<>();
        service.subscribe(() -> changes.add(service.available() ? "up" : "down"));
        service.start();
        loop.runPending();
        DhcpLease lease = DhcpLease.of(Map.of(42, new byte[] {10, 1, 0, 1}, 132, new byte[] {30},
                100, "PST8PDT,M3.2.0/2:00:00,M11.1.0/2:00:00".getBytes(StandardCharsets.US_ASCII)), Map.of());
        driver.set(up(lease, Optional.empty()));
        loop.runPending();
        assertThat(service.available()).isTrue();
        assertThat(changes).contains("up");
        assertThat(sntpAsked).as("the factory server before the lease, option 42 once it came").containsExactly("0.pool.ntp.org", "10.1.0.1");
        assertThat(clock.offset()).isEqualTo(Duration.ofSeconds(5));
        assertThat(service.zone().rules().getOffset(base.now())).isEqualTo(ZoneOffset.ofHours(-8));
        assertThat(service.vlan().id()).hasValue(30);
        assertThat(service.describe()).contains("VLAN: VLAN 30 (DHCP_OPTION)").anySatisfy(line -> assertThat(line).startsWith("Time: SNTP"));
    }

    /** The provisioning client's DHCPINFORM answer comes before the lease. */
    @Test
    void anInformAnswerOverridesTheLease() throws Exception {
        MemoryNetwork driver = new MemoryNetwork(up(DhcpLease.of(Map.of(132, new byte[] {30}), Map.of()), Optional.empty()));
        NetworkService service = service(driver, Map.of(), LearnedVlan.NONE);
        service.start();
        loop.runPending();
        service.informAnswered(DhcpFacts.fromLease(DhcpLease.of(Map.of(43, new byte[] {58, 1, 40}), Map.of())));
        assertThat(service.vlan()).isEqualTo(new Vlan(OptionalInt.of(40), Vlan.Source.DHCP_VENDOR));
    }

    /**
     * Provisioning's DHCP source goes through the network: the DHCPINFORM answer reaches VLAN and time,
     * and the lease's options fill in what the answer lacks.
     */
    @Test
    void provisioningAsksThroughTheNetworkService() throws Exception {
        MemoryNetwork driver = new MemoryNetwork(up(DhcpLease.of(Map.of(66, "http://lease/".getBytes(StandardCharsets.US_ASCII),
                100, "UTC0".getBytes(StandardCharsets.US_ASCII)), Map.of()), Optional.empty()));
        NetworkService service = service(driver, Map.of(), LearnedVlan.NONE);
        service.start();
        loop.runPending();
        List<String> asked = new ArrayList<>();
        DhcpSource inform = (custom, vendorClass) -> {
            asked.add(custom + " " + vendorClass);
            return DhcpFacts.fromLease(DhcpLease.of(Map.of(66, "http://inform/".getBytes(StandardCharsets.US_ASCII),
                    132, new byte[] {44}), Map.of()));
        };
        DhcpSource.Found found = service.dhcpSource(inform).discover(List.of(150), "aledevice");
        assertThat(asked).containsExactly("[150] aledevice");
        assertThat(found.v4().orElseThrow().text(66)).contains("http://inform/");
        assertThat(found.v4().orElseThrow().text(100)).contains("UTC0");
        loop.runPending();
        assertThat(service.vlan()).isEqualTo(new Vlan(OptionalInt.of(44), Vlan.Source.DHCP_OPTION));
    }
}
