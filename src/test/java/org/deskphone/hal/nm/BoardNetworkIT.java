package org.deskphone.hal.nm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.deskphone.config.Config;
import org.deskphone.hal.DhcpLease;
import org.deskphone.hal.NetworkPlan;
import org.deskphone.hal.NetworkStatus;
import org.deskphone.hal.VoicePolicy;
import org.deskphone.hal.mock.MemoryNetwork;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.net.LearnedVlan;
import org.deskphone.net.NetConfiguration;
import org.deskphone.net.NetworkService;
import org.deskphone.net.Vlan;
import org.deskphone.net.time.PhoneClock;
import org.deskphone.net.time.SntpClient;
import org.deskphone.net.time.TimeKeeper;
import org.deskphone.testing.Chrony;
import org.deskphone.testing.NetnsLan;
import org.deskphone.testing.Peers;
import org.deskphone.testing.PhoneConfig;
import org.deskphone.testing.SkewedClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The board's network path against real servers in a private LAN of two network namespaces
 * (tools/peers/netns-lan): dnsmasq hands an address and options 42, 43, 66, 100, 132 to dhclient running
 * with the configuration the board driver writes; the driver reads the lease back, the phone's network
 * service and time keeper act on it (SNTP against chrony on 127.0.0.1); lldpd plays the switch and the
 * phone for LLDP-MED; the board's nftables table is loaded into the phone's namespace. Nothing is applied
 * to this machine's own network.
 */
@ExtendWith(Peers.class)
class BoardNetworkIT {
    /** ALE L545: Los Angeles; option 43 sub-option 58 (VLAN 20) only for vendor class "aledevice". */
    private static final String DNSMASQ = """
            dhcp-option=42,127.0.0.1
            dhcp-option=66,"http://10.99.0.1/prov"
            dhcp-option=100,"PST8PDT,M3.2.0/2:00:00,M11.1.0/2:00:00"
            dhcp-option=132,30
            dhcp-option=133,6
            dhcp-vendorclass=set:ale,aledevice
            dhcp-option=tag:ale,43,3a:02:00:14
            """;
    private static NetnsLan lan;

    @TempDir
    Path data;
    private final PhoneClock clock = new PhoneClock(SkewedClock.hourBehind());
    private final PhoneLoop loop = new PhoneLoop(clock);
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final AtomicInteger restarts = new AtomicInteger();

    @BeforeAll
    static void makeTheLan() {
        lan = NetnsLan.start(DNSMASQ, 100);
    }

    @AfterAll
    static void removeTheLan() {
        if (lan != null) {
            lan.close();
        }
    }

    @AfterEach
    void stopTheLoop() {
        loop.stop(Duration.ofSeconds(2));
        worker.shutdownNow();
    }

    private NetworkService service(MemoryNetwork driver, int sntpPort) {
        // ALE's DynamicAlcatel: DHCP with vendor class "aledevice" (L552-561, digest A-44).
        TimeKeeper time = new TimeKeeper(loop, clock, worker, new SntpClient(clock.base(), Duration.ofSeconds(2))::query, false, sntpPort);
        NetworkService service = new NetworkService(driver, loop, worker,
                NetConfiguration.read(aleDhcp(), "deskphone-it", data),
                time, ZoneId.of("UTC"), LearnedVlan.NONE);
        service.onRestartNeeded(restarts::incrementAndGet);
        return service;
    }

    /** ALE's DynamicAlcatel, set as a config.xml sets it. */
    private static Config aleDhcp() {
        PhoneConfig config = new PhoneConfig();
        config.xml("DeviceNetworkDhcpMode", "DynamicAlcatel");
        return config.current();
    }

    private <T> T onLoop(Supplier<T> question) throws Exception {
        return loop.ask(question).get(5, TimeUnit.SECONDS);
    }

    private static void await(String what, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s: " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void dhcpOptionsReachVlanTimeZoneAndProvisioning(Chrony chrony) throws Exception {
        MemoryNetwork driver = new MemoryNetwork(NetworkStatus.down(lan.phoneInterface()));
        NetworkService service = service(driver, chrony.port());
        loop.start("board-it-loop");
        onLoop(() -> {
            service.start();
            return null;
        });
        await("the first plan", () -> !driver.applied().isEmpty());
        NetworkPlan plan = driver.applied().get(0);

        // The DHCP client runs with exactly what the board would write for this plan.
        String lease = lan.dhcp(SystemFiles.dhclient(plan));
        DhcpLease options = DhclientLease.parse(lease);
        assertThat(lease).contains("fixed-address 10.99.0.");
        InetAddress address = InetAddress.getByName(lease.replaceAll("(?s).*fixed-address ([0-9.]+);.*", "$1"));
        driver.set(new NetworkStatus(lan.phoneInterface(), true, List.of(new NetworkStatus.Address(address, 24)),
                List.of(InetAddress.getByName(lan.serverAddress())), List.of(), OptionalInt.empty(), options, Optional.empty()));

        await("the phone's clock set by SNTP from option 42's server", () -> Duration.between(Instant.now(), clock.now()).abs()
                .compareTo(Duration.ofSeconds(1)) < 0);
        assertThat(onLoop(() -> service.time().source())).isEqualTo("SNTP 127.0.0.1");
        assertThat(onLoop(service::available)).isTrue();
        assertThat(onLoop(() -> service.zone().rules().getOffset(Instant.parse("2027-01-15T12:00:00Z"))))
                .as("option 100").isEqualTo(ZoneOffset.ofHours(-8));
        assertThat(onLoop(() -> service.dhcp().options().v4().flatMap(v4 -> v4.text(66))))
                .as("option 66, for provisioning").contains("http://10.99.0.1/prov");
        // 43.58 (20) beats 132 (30), ALE L710-712; it came only because the vendor class was sent.
        assertThat(onLoop(service::vlan)).isEqualTo(new Vlan(OptionalInt.of(20), Vlan.Source.DHCP_VENDOR));
        assertThat(onLoop(service::qos).rtpPriority()).as("option 133").isEqualTo(6);
        await("the VLAN plan applied and the phone restarted", () -> restarts.get() == 1);
        assertThat(driver.applied().get(driver.applied().size() - 1).vlanId()).hasValue(20);
    }

    /** E-17 with a real LLDP-MED exchange: the switch's voice VLAN, read by the board driver from lldpd. */
    @Test
    void anLldpVoiceVlanFromTheSwitchRestartsThePhoneOntoIt() throws Exception {
        Path socket = lan.lldp();
        List<String> lldpcli = lan.onPhone(List.of("lldpcli", "-u", socket.toString()));
        Commands inNamespace = command -> {
            List<String> full = command.get(0).equals("ip") ? command : lan.onPhone(command);
            return Commands.system(Duration.ofSeconds(10)).run(full);
        };
        NetworkManagerNetwork board = new NetworkManagerNetwork(new NetworkManagerNetwork.Options(lan.phoneInterface(),
                Files.createDirectories(data.resolve("root")), Duration.ofSeconds(1), lldpcli), inNamespace);
        NetworkStatus read = board.read();
        assertThat(read.voicePolicy()).contains(new VoicePolicy(100, 5, 46));

        MemoryNetwork driver = new MemoryNetwork(NetworkStatus.down(lan.phoneInterface()));
        NetworkService service = service(driver, 1);
        loop.start("board-it-loop");
        onLoop(() -> {
            service.start();
            return null;
        });
        driver.set(read);
        await("the phone restarted for the switch's VLAN", () -> restarts.get() == 1);
        assertThat(onLoop(service::vlan)).isEqualTo(new Vlan(OptionalInt.of(100), Vlan.Source.LLDP));
        assertThat(onLoop(service::qos).rtpPriority()).isEqualTo(5);
        NetworkPlan tagged = driver.applied().get(driver.applied().size() - 1);
        assertThat(tagged.vlanId()).hasValue(100);
        assertThat(tagged.pcpByDscp()).containsEntry(46, 5);
    }

    /** The table the board loads to put 802.1p priorities on its DSCP-marked packets, loaded by this kernel. */
    @Test
    void theBoardsQosTableLoadsIntoTheKernel() throws Exception {
        org.deskphone.testing.RequiredTool.require("nft", "nftables");
        NetworkPlan base = NetworkPlan.dhcp();
        NetworkPlan plan = new NetworkPlan(base.ipv4(), base.ipv6(), List.of(), "", "", List.of(), OptionalInt.of(100),
                Map.of(46, 5, 26, 3), base.link(), base.discovery(), Optional.empty(), Optional.empty(), List.of());
        Path file = Files.writeString(data.resolve("qos.nft"), SystemFiles.qos(plan));
        List<String> output = new ArrayList<>();
        for (List<String> command : List.of(List.of("nft", "-f", file.toString()), List.of("nft", "-f", file.toString()),
                List.of("nft", "list", "table", "inet", "deskphone_qos"))) {
            Commands.Result result = Commands.system(Duration.ofSeconds(10)).run(lan.onPhone(command));
            assertThat(result.exitCode()).as(String.join(" ", command) + ": " + result.output()).isZero();
            output.add(result.output());
        }
        assertThat(output.get(2)).contains("type filter hook output priority mangle")
                .contains("ip dscp ef meta priority set 0:5").contains("ip6 dscp af31 meta priority set 0:3");
    }
}
