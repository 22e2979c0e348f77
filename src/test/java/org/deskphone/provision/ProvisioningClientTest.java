package org.deskphone.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.deskphone.config.Access;
import org.deskphone.config.AppliedFile;
import org.deskphone.config.ConfigStore;
import org.deskphone.config.format.ConfigCipher;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.loop.VirtualClock;
import org.deskphone.provision.dhcp.DhcpOptions;
import org.deskphone.provision.dhcp.DhcpSource;
import org.junit.jupiter.api.BeforeEach;
import org.deskphone.testing.PhoneConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client on the phone loop with a virtual clock: when runs happen (power on, intervals, weekly windows,
 * check-sync), the call guard, the MD5 rule and the restart after a run. Network work runs inline
 * ({@code worker(Runnable::run)}), so every run completes inside {@link PhoneLoop#advance(Duration)}.
 */
class ProvisioningClientTest {
    /** Thursday 1 January 2026, midnight UTC. */
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final String COMMON = "http://prov.test/y000000000000.cfg";
    private static final String MAC = "http://prov.test/001565AABBCC.cfg";

    @TempDir
    Path data;
    private final VirtualClock clock = new VirtualClock(START);
    private final PhoneLoop loop = new PhoneLoop(clock);
    private final PhoneConfig config = new PhoneConfig(loop);
    private final ConfigSink sink = new ConfigSink(config.store);
    private final MemoryServer server = new MemoryServer();
    private final List<Instant> runsAt = new ArrayList<>();
    private final List<String> restarts = new ArrayList<>();
    private boolean inCall;
    private ProvisioningState state;

    @BeforeEach
    void serveAPhone() throws Exception {
        state = ProvisioningState.load(data.resolve("state.properties"));
        config.local("auto_provision.server.url", "http://prov.test/");
        server.put(COMMON, "#!version:1.0.0.1\nlang.gui = English\n");
        server.put(MAC, "#!version:1.0.0.1\naccount.1.label = Mary\n");
    }

    @Test
    void theSeedSaysWhatTheseTestsRelyOn() {
        Seed yealink = Seed.yealink();
        yealink.says(1461, 1467, "detect the call status every 30 seconds. If the call is released within 2 hours");
        yealink.says(1529, 1535, "If the header of the SIP NOTIFY message contains an additional string “reboot=true”, the phone will reboot immediately");
        yealink.says(1567, 1577, "The phone will complete the auto provisioning without repeated update");
        yealink.says(1589, 1591, "The phone only reboots when there is at least a specific configuration requiring reboot");
    }

    @Test
    void powerOnRunRequestsCommonThenMacThenAppliesOnce() { // Yealink L1543-1557, digest E3
        ProvisioningClient client = client();
        client.start();
        loop.runPending();
        assertThat(server.requested()).containsExactly(COMMON, MAC);
        assertThat(config.get("account.1.label")).contains("Mary");
        assertThat(config.get("lang.gui")).contains("English");
        RunReport report = last(client).orElseThrow();
        assertThat(report.trigger()).isEqualTo(Trigger.POWER_ON);
        assertThat(report.outcome()).isEqualTo(RunReport.Outcome.APPLIED);
        assertThat(report.succeeded()).isTrue();
        assertThat(report.lines()).contains("changed account.1.label = Mary");
        assertThat(restarts).isEmpty();
    }

    @Test
    void e22UnchangedFilesApplyNothingAndKeepLocalEdits() { // Yealink L1567-1577, digest §6 A6/A8
        ProvisioningClient client = client();
        client.start();
        loop.runPending();
        config.local("account.1.label", "typed on the phone");
        RunReport second = run(client.runNow(Trigger.NOW));
        assertThat(second.outcome()).isEqualTo(RunReport.Outcome.UNCHANGED);
        assertThat(second.requests()).extracting(RequestRecord::change).containsOnly(RequestRecord.Change.UNCHANGED);
        assertThat(config.get("account.1.label")).contains("typed on the phone");
        server.put(MAC, "#!version:1.0.0.1\naccount.1.label = Mary\naccount.1.user_name = 2001\n");
        RunReport third = run(client.runNow(Trigger.NOW));
        assertThat(third.outcome()).isEqualTo(RunReport.Outcome.APPLIED);
        assertThat(third.requests()).extracting(RequestRecord::change)
                .containsExactly(RequestRecord.Change.UNCHANGED, RequestRecord.Change.CHANGED);
        assertThat(config.get("account.1.label")).as("a changed file re-applies both, in order").contains("Mary");
    }

    @Test
    void unchangedSurvivesARestart() throws Exception {
        // The MD5s are the store's own record, saved with the values the files gave.
        ConfigStore before = ConfigStore.open(data.resolve("config"), loop);
        before.change(Access.ADMIN, Map.of("auto_provision.server.url", "http://prov.test/"));
        builder(new ConfigSink(before)).build().start();
        loop.runPending();
        assertThat(before.current().provisionedFiles()).extracting(AppliedFile::name).containsExactly(COMMON, MAC);
        assertThat(before.close(Duration.ofSeconds(5))).isTrue();

        ConfigStore after = ConfigStore.open(data.resolve("config"), loop);
        RunReport again = run(builder(new ConfigSink(after)).build().runNow(Trigger.NOW));
        assertThat(again.outcome()).isEqualTo(RunReport.Outcome.UNCHANGED);
        assertThat(after.current().string("account.1.label")).isEqualTo("Mary");
        server.put(MAC, "#!version:1.0.0.1\naccount.1.label = Maria\n");
        assertThat(run(builder(new ConfigSink(after)).build().runNow(Trigger.NOW)).outcome()).isEqualTo(RunReport.Outcome.APPLIED);
        assertThat(after.close(Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void anEncryptedFileIsUnchangedByTheMd5OfWhatItSays() { // Yealink L1567-1583
        config.local("auto_provision.aes_key_16.mac", "RightKey12345678");
        server.put(MAC, ConfigCipher.encrypt(ConfigCipher.Scheme.YEALINK, "RightKey12345678",
                "#!version:1.0.0.1\naccount.1.label = Secret\n".getBytes(StandardCharsets.UTF_8)));
        ProvisioningClient client = client();
        RunReport first = run(client.runNow(Trigger.NOW));
        assertThat(first.outcome()).isEqualTo(RunReport.Outcome.APPLIED);
        assertThat(config.get("account.1.label")).contains("Secret");
        assertThat(run(client.runNow(Trigger.NOW)).outcome()).isEqualTo(RunReport.Outcome.UNCHANGED);
    }

    @Test
    void aStopThatOvertakesARunAbandonsItCleanly() {
        // stop() shuts the worker down at once, before its task reaches the loop: the run queued ahead of it
        // finds no worker and must end as abandoned, not with an exception on the loop.
        ExecutorService worker = Executors.newSingleThreadExecutor();
        ProvisioningClient client = builder().worker(worker).build();
        CompletableFuture<RunReport> run = client.runNow(Trigger.NOW);
        client.stop();
        loop.runPending();
        assertThat(worker.isShutdown()).isTrue();
        assertThat(run).isDone();
        assertThat(run.join().outcome()).isEqualTo(RunReport.Outcome.ABANDONED);
        assertThat(run.join().notes()).contains("the phone stopped");
        assertThat(server.requested()).isEmpty();
        assertThat(loop.pendingTimers()).as("no schedule left behind").isZero();
    }

    @Test
    void e23RestartOnlyWhenAChangedSettingNeedsIt() { // Yealink L1557-1565, L1589-1591
        ProvisioningClient client = client();
        client.start();
        loop.runPending();
        assertThat(restarts).isEmpty();
        server.put(MAC, "#!version:1.0.0.1\naccount.1.label = Mary\nnetwork.vlan.internet_port_vid = 20\n");
        RunReport report = run(client.runNow(Trigger.NOW));
        assertThat(report.restartNeeded()).isTrue();
        assertThat(report.lines()).last().asString().endsWith("restart needed");
        assertThat(restarts).hasSize(1);
    }

    @Test
    void e16RepeatedlyEverySixtyMinutesSpreadPerPhone() { // Yealink L1474-1487, L3573-3606
        config.local("auto_provision.mode", "4");
        config.local("auto_provision.schedule.periodic_minute", "60");
        ProvisioningClient client = client();
        client.start();
        loop.advance(Duration.ofHours(5));
        assertThat(runsAt).as("mode 4 has no power-on run; five hourly runs in five hours").hasSize(5);
        for (int i = 1; i < runsAt.size(); i++) {
            assertThat(Duration.between(runsAt.get(i - 1), runsAt.get(i))).isEqualTo(Duration.ofMinutes(60));
        }
        Duration offset = Duration.between(START, runsAt.get(0));
        assertThat(offset).isBetween(Duration.ZERO, Duration.ofMinutes(60));
        assertThat(offset).isEqualTo(Duration.ofMillis(Math.max(1000, (long) (3_600_000 * client.phoneFraction("interval")))));
    }

    @Test
    void perPhoneOffsetsDifferAcrossAFleet() {
        List<Double> fractions = new ArrayList<>();
        for (int n = 0; n < 50; n++) {
            DeviceIdentity phone = new DeviceIdentity(String.format("001565AA%04X", n), "T28P", "00", "1");
            ProvisioningClient client = ProvisioningClient.builder(loop, sink, phone).data(data, state).build();
            fractions.add(client.phoneFraction("interval"));
        }
        assertThat(fractions).allMatch(f -> f >= 0 && f < 1);
        assertThat(fractions.stream().distinct().count()).isEqualTo(50);
        assertThat(fractions.stream().filter(f -> f < 0.5).count()).as("spread over the window").isBetween(10L, 40L);
    }

    @Test
    void e19WeeklyRunsOnlyOnFridayAndSundayBetweenTwoAndThree() { // Yealink L1489-1508
        config.local("auto_provision.mode", "5");
        config.local("auto_provision.schedule.time_from", "02:00");
        config.local("auto_provision.schedule.time_to", "03:00");
        config.local("auto_provision.schedule.dayofweek", "05");
        client().start();
        loop.advance(Duration.ofDays(14));
        assertThat(runsAt).hasSize(4);
        for (Instant at : runsAt) {
            ZonedDateTime when = at.atZone(ZoneOffset.UTC);
            assertThat(when.getDayOfWeek()).isIn(DayOfWeek.FRIDAY, DayOfWeek.SUNDAY);
            assertThat(when.toLocalTime()).isBetween(LocalTime.of(2, 0), LocalTime.of(2, 59, 59));
        }
    }

    @Test
    void e31AlePollingMondayWednesdayFridayTwoToSix() { // ALE L2596-2666
        config.local("auto_provision.mode", "0");
        config.local("DeviceProvisionPollingByWeekdaysEnable", "true");
        config.local("DeviceProvisionPollingDayofWeek", "135");
        client().start();
        loop.advance(Duration.ofDays(7));
        assertThat(runsAt).hasSize(3);
        assertThat(runsAt).extracting(at -> at.atZone(ZoneOffset.UTC).getDayOfWeek())
                .containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
        assertThat(runsAt).allMatch(at -> !at.atZone(ZoneOffset.UTC).toLocalTime().isBefore(LocalTime.of(2, 0))
                && at.atZone(ZoneOffset.UTC).toLocalTime().isBefore(LocalTime.of(6, 0)));
    }

    @Test
    void e20ACallDelaysProvisioningUntilItEnds() { // Yealink L1461-1467
        inCall = true;
        client().start();
        loop.advance(Duration.ofMinutes(10));
        assertThat(runsAt).isEmpty();
        inCall = false;
        loop.advance(Duration.ofSeconds(30));
        assertThat(runsAt).hasSize(1);
        assertThat(Duration.between(START, runsAt.get(0))).isBetween(Duration.ofMinutes(10), Duration.ofSeconds(630));
    }

    @Test
    void e20ACallLongerThanTwoHoursAbandonsTheRun() { // Yealink L1461-1467
        inCall = true;
        ProvisioningClient client = client();
        CompletableFuture<RunReport> run = client.runNow(Trigger.NOW);
        loop.advance(Duration.ofMinutes(119));
        assertThat(run).isNotDone();
        loop.advance(Duration.ofMinutes(2));
        assertThat(run).isDone();
        assertThat(run.join().outcome()).isEqualTo(RunReport.Outcome.ABANDONED);
        assertThat(run.join().notes()).anyMatch(note -> note.contains("more than 2 hours"));
        assertThat(server.requested()).isEmpty();
    }

    @Test
    void aRestartWaitsForTheCallToEnd() { // Yealink L1461-1467 applied to the restart after the run
        server.put(MAC, "#!version:1.0.0.1\nnetwork.vlan.internet_port_vid = 20\n");
        Transports transports = server.transports();
        ProvisioningClient client = builder().transports(settings -> new Transports(Map.of("http", (url, credentials, limits) -> {
            inCall = true; // a call comes in while the files download
            return transports.fetch(url, credentials, limits);
        }))).build();
        RunReport report = run(client.runNow(Trigger.NOW));
        assertThat(report.restartNeeded()).isTrue();
        loop.advance(Duration.ofMinutes(5));
        assertThat(restarts).isEmpty();
        inCall = false;
        loop.advance(Duration.ofSeconds(30));
        assertThat(restarts).containsExactly("provisioning changed settings that need a restart");
    }

    @Test
    void aRestartIsAbandonedAfterTwoHoursOfCalls() {
        server.put(MAC, "#!version:1.0.0.1\nnetwork.vlan.internet_port_vid = 20\n");
        Transports transports = server.transports();
        ProvisioningClient client = builder().transports(settings -> new Transports(Map.of("http", (url, credentials, limits) -> {
            inCall = true;
            return transports.fetch(url, credentials, limits);
        }))).build();
        run(client.runNow(Trigger.NOW));
        loop.advance(Duration.ofHours(3));
        inCall = false;
        loop.advance(Duration.ofMinutes(1));
        assertThat(restarts).isEmpty();
    }

    @Test
    void e21CheckSyncProvisionsNow() { // Yealink L1529-1537
        config.local("auto_provision.mode", "0");
        ProvisioningClient client = client();
        client.start();
        loop.runPending();
        assertThat(runsAt).isEmpty();
        client.checkSync(false);
        loop.runPending();
        assertThat(runsAt).hasSize(1);
        assertThat(last(client)).map(RunReport::trigger).contains(Trigger.CHECK_SYNC);
        assertThat(restarts).isEmpty();
    }

    @Test
    void e21CheckSyncWithRebootRestartsThenProvisions() throws Exception { // Yealink L1529-1537
        config.local("auto_provision.mode", "0");
        ProvisioningClient before = client();
        before.start();
        before.checkSync(true);
        loop.runPending();
        assertThat(restarts).containsExactly("check-sync with reboot=true");
        assertThat(runsAt).isEmpty();

        state = ProvisioningState.load(data.resolve("state.properties"));
        assertThat(state.runAfterRestart()).isTrue();
        ProvisioningClient after = client();
        after.start();
        loop.runPending();
        assertThat(runsAt).hasSize(1);
        assertThat(last(after)).map(RunReport::trigger).contains(Trigger.AFTER_RESTART);
        assertThat(ProvisioningState.load(data.resolve("state.properties")).runAfterRestart()).isFalse();
    }

    @Test
    void e04DiscoveryPriorityCustomOptionThen66Then43ThenFlash() { // Yealink L1321-1323
        Seed.yealink().says(1321, 1323, "Zero Touch-->PnP Server-->DHCP Options (Custom option-->option 66-->option 43) -->Phone Flash");
        config.local("auto_provision.dhcp_option.list_user_options", "128");
        server.put("http://a.test/y000000000000.cfg", "#!version:1.0.0.1\naccount.1.display_name = A\n");
        server.put("http://b.test/y000000000000.cfg", "#!version:1.0.0.1\naccount.1.display_name = B\n");
        server.put("http://c.test/y000000000000.cfg", "#!version:1.0.0.1\naccount.1.display_name = C\n");
        server.put(COMMON, "#!version:1.0.0.1\naccount.1.display_name = D\n");
        server.put("http://e.test/y000000000000.cfg", "#!version:1.0.0.1\naccount.1.display_name = E\n");
        Map<Integer, String> all = Map.of(128, "http://a.test/", 66, "http://b.test/", 43, "http://c.test/");
        assertThat(fromDhcp(all, Optional.empty())).isEqualTo("A");
        assertThat(fromDhcp(Map.of(66, "http://b.test/", 43, "http://c.test/"), Optional.empty())).isEqualTo("B");
        assertThat(fromDhcp(Map.of(43, "http://c.test/"), Optional.empty())).isEqualTo("C");
        assertThat(fromDhcp(Map.of(), Optional.empty())).isEqualTo("D");
        assertThat(fromDhcp(all, Optional.of(URI.create("http://e.test/")))).isEqualTo("E");
    }

    @Test
    void aPcBoardNeverAsksDhcp() {
        List<String> asked = new ArrayList<>();
        ProvisioningClient client = builder().dhcp(false, (custom, vendor) -> {
            asked.add(vendor);
            return DhcpSource.Found.NONE;
        }).build();
        run(client.runNow(Trigger.NOW));
        assertThat(asked).isEmpty();
    }

    @Test
    void e05VendorClassSentWithDhcp() { // Yealink L1411-1413, L3792-3806
        List<String> sent = new ArrayList<>();
        DhcpSource recording = (custom, vendor) -> {
            sent.add(vendor);
            return DhcpSource.Found.NONE;
        };
        run(builder().dhcp(true, recording).build().runNow(Trigger.NOW));
        config.local("auto_provision.dhcp_option.option60_value", "acme");
        run(builder().dhcp(true, recording).build().runNow(Trigger.NOW));
        run(builder().families(EnumSet.of(FileSequence.Family.ALE)).dhcp(true, recording).build().runNow(Trigger.NOW));
        assertThat(sent).containsExactly("yealink", "acme", "aledevice");
    }

    @Test
    void noServerAnywhereIsAClearOutcome() {
        config.local("auto_provision.server.url", "");
        RunReport report = run(client().runNow(Trigger.NOW));
        assertThat(report.outcome()).isEqualTo(RunReport.Outcome.NO_CONFIGURATION);
        assertThat(report.notes()).anyMatch(note -> note.contains("no provisioning server"));
        assertThat(report.succeeded()).isFalse();
    }

    private String fromDhcp(Map<Integer, String> options, Optional<URI> pnp) {
        PhoneConfig fresh = new PhoneConfig(loop);
        fresh.local("auto_provision.server.url", "http://prov.test/");
        fresh.local("auto_provision.dhcp_option.list_user_options", "128");
        ProvisioningClient client = ProvisioningClient.builder(loop, new ConfigSink(fresh.store), identity())
                .families(EnumSet.of(FileSequence.Family.YEALINK)).data(data, ProvisioningState.inMemory())
                .transports(settings -> server.transports()).worker(Runnable::run).zone(ZoneOffset.UTC)
                .dhcp(true, (custom, vendor) -> new DhcpSource.Found(Optional.of(DhcpOptions.ofText(options)), Optional.empty()))
                .pnp(true, (request, timeout) -> pnp)
                .build();
        run(client.runNow(Trigger.NOW));
        return fresh.get("account.1.display_name").orElse("none");
    }

    /** The client's last report; its question runs on the loop, so the loop runs first. */
    private Optional<RunReport> last(ProvisioningClient client) {
        CompletableFuture<Optional<RunReport>> answer = client.lastReport();
        loop.runPending();
        return answer.join();
    }

    private RunReport run(CompletableFuture<RunReport> future) {
        loop.runPending();
        assertThat(future).isDone();
        return future.join();
    }

    private ProvisioningClient client() {
        return builder().build();
    }

    private ProvisioningClient.Builder builder() {
        return builder(sink);
    }

    private ProvisioningClient.Builder builder(ConfigSink sink) {
        Transports transports = server.transports();
        Transports timed = new Transports(Map.of("http", (url, credentials, limits) -> {
            if (url.toString().equals(COMMON)) {
                runsAt.add(clock.now());
            }
            return transports.fetch(url, credentials, limits);
        }));
        return ProvisioningClient.builder(loop, sink, identity())
                .families(EnumSet.of(FileSequence.Family.YEALINK))
                .data(data.resolve("resources"), state)
                .transports(settings -> timed)
                .worker(Runnable::run)
                .zone(ZoneOffset.UTC)
                .callGuard(() -> inCall)
                .restarter(restarts::add);
    }

    private static DeviceIdentity identity() {
        return new DeviceIdentity("001565AABBCC", "T28P", "00", "0.1.0");
    }
}
