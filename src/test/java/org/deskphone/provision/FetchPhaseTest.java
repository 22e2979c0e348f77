package org.deskphone.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.loop.VirtualClock;
import org.deskphone.provision.ServerCandidate.Origin;
import org.deskphone.testing.PhoneConfig;
import org.junit.jupiter.api.Test;

/**
 * One run's network half: which servers and files it requests, in which order, and when it stops. The
 * servers are in memory; the transports are tested against real servers in the *IT tests.
 */
class FetchPhaseTest {
    private static final DeviceIdentity PHONE = new DeviceIdentity("3C28A6200088", "M8", "00", "0.1.0");
    private final MemoryServer server = new MemoryServer();
    private final PhoneConfig config = new PhoneConfig();
    private final ConfigSink store = new ConfigSink(config.store);

    @Test
    void theSeedSaysWhatTheseTestsRelyOn() {
        Seed ale = Seed.ale();
        ale.says(2274, 2277, "will not execute the auto provisioning process for the acquired URL, but will save the new URL");
        ale.says(2283, 2284, "the auto provisioning request reached 3 (n+1) times, so the phone will exit");
        ale.says(2288, 2290, "URL 2 is same as URL1, the device will exit the auto provisioning process directly");
        ale.says(2163, 2165, "once the phone can download the configuration files successfully, the phone will exit");
        ale.says(2166, 2167, "parsing fails, and the phone will continue auto provisioning process");
    }

    @Test
    void e22NewServerUrlIsStoredNotFollowedByDefault() { // ALE L2274-2277
        server.put("http://start/config.xml", xml("DeviceProvisionServerUrl", "http://url1/"));
        FetchPhase.Result result = run(store, "http://start/");
        assertThat(server.requested()).noneMatch(url -> url.startsWith("http://url1/"));
        store.apply(result.files());
        assertThat(config.get("DeviceProvisionServerUrl")).contains("http://url1/");
    }

    @Test
    void e23MultistageFollowsNPlusOneUrlsThenStores() { // ALE L2279-2286
        server.put("http://start/config.xml", xml("DeviceProvisionServerUrl", "http://url1/", "DeviceProvisionImmediateUpdateTimes", "2"));
        server.put("http://url1/config.xml", xml("DeviceProvisionServerUrl", "http://url2/"));
        server.put("http://url2/config.xml", xml("DeviceProvisionServerUrl", "http://url3/"));
        server.put("http://url3/config.xml", xml("DeviceProvisionServerUrl", "http://url4/"));
        server.put("http://url4/config.xml", xml("Account1Label", "never fetched"));
        FetchPhase.Result result = run(store, "http://start/");
        assertThat(server.requested()).filteredOn(url -> url.endsWith("/config.xml"))
                .containsExactly("http://start/config.xml", "http://url1/config.xml", "http://url2/config.xml", "http://url3/config.xml");
        assertThat(result.files()).hasSize(4);
        store.apply(result.files());
        assertThat(config.get("DeviceProvisionServerUrl")).as("url4 replaces url3").contains("http://url4/");
        assertThat(config.get("Account1Label")).isEmpty();
    }

    @Test
    void e24LoopGuardStopsWhenAUrlRepeats() { // ALE L2287-2290
        server.put("http://start/config.xml", xml("DeviceProvisionServerUrl", "http://url1/", "DeviceProvisionImmediateUpdateTimes", "5"));
        server.put("http://url1/config.xml", xml("DeviceProvisionServerUrl", "http://url1/"));
        FetchPhase.Result result = run(store, "http://start/");
        assertThat(server.requested()).filteredOn(url -> url.endsWith("/config.xml"))
                .containsExactly("http://start/config.xml", "http://url1/config.xml");
        assertThat(result.notes()).anyMatch(note -> note.contains("already requested") && note.contains("L2287-2290"));
        assertThat(result.files()).hasSize(2);
    }

    @Test
    void multistageAlsoStopsAtTheStartingServer() {
        server.put("http://start/config.xml", xml("DeviceProvisionServerUrl", "http://start/", "DeviceProvisionImmediateUpdateTimes", "3"));
        run(store, "http://start/");
        assertThat(server.requested()).filteredOn(url -> url.endsWith("/config.xml")).containsExactly("http://start/config.xml");
    }

    @Test
    void e26FirstServerThatGivesConfigurationEndsDiscovery() { // ALE L2163-2165
        server.put("http://dhcp/config.xml", xml("A", "1"));
        server.put("http://static/config.xml", xml("A", "2"));
        FetchPhase.Result result = phase(store).run(List.of(candidate("http://dhcp/", Origin.DHCP), candidate("http://static/", Origin.STATIC)));
        assertThat(result.server()).map(ServerCandidate::origin).contains(Origin.DHCP);
        assertThat(server.requested()).noneMatch(url -> url.startsWith("http://static/"));
    }

    @Test
    void e27AFileInTheWrongFormatMovesOnToTheNextSource() { // ALE L2166-2167
        server.put("http://dhcp/config.xml", "<html><body>captive portal</body></html>");
        server.put("http://static/config.xml", xml("A", "2"));
        FetchPhase.Result result = phase(store).run(List.of(candidate("http://dhcp/", Origin.DHCP), candidate("http://static/", Origin.STATIC)));
        assertThat(result.server()).map(ServerCandidate::origin).contains(Origin.STATIC);
        assertThat(result.requests()).anyMatch(r -> r.url().equals("http://dhcp/config.xml") && r.detail().startsWith("rejected: ")
                && r.detail().contains("the root element is <html>, not <settings>"));
        assertThat(result.notes()).anyMatch(note -> note.contains("no configuration from http://dhcp/"));
    }

    @Test
    void e28And29AServerThatTimesOutIsGivenUpAtOnce() { // ALE L2235-2262
        server.fail("http://slow/config.xml", FetchStatus.TIMEOUT);
        server.put("http://static/config.xml", xml("A", "2"));
        FetchPhase.Result result = phase(store).run(List.of(candidate("http://slow/", Origin.DHCP), candidate("http://static/", Origin.STATIC)));
        assertThat(server.requested()).filteredOn(url -> url.startsWith("http://slow/")).hasSize(1);
        assertThat(result.notes()).anyMatch(note -> note.startsWith("gave up on http://slow/"));
        assertThat(result.server()).map(ServerCandidate::origin).contains(Origin.STATIC);
    }

    @Test
    void aMissingFileIsNormalAndTheMacIsRetriedInLowerCase() { // Yealink digest §6 A5
        server.put("http://srv/y000000000000.cfg", "#!version:1.0.0.1\nlang.gui = English\n");
        server.put("http://srv/3c28a6200088.cfg", "#!version:1.0.0.1\naccount.1.label = Mary\n");
        FetchPhase.Result result = new FetchPhase(settings(), PHONE, EnumSet.of(FileSequence.Family.YEALINK), server.transports(), store,
                Map.of()).run(List.of(candidate("http://srv/", Origin.STATIC)));
        assertThat(server.requested()).containsExactly("http://srv/y000000000000.cfg", "http://srv/3C28A6200088.cfg",
                "http://srv/3c28a6200088.cfg");
        assertThat(result.files()).extracting(f -> f.fetched().role()).containsExactly(FileRole.YEALINK_COMMON, FileRole.YEALINK_MAC);
        assertThat(result.requests()).extracting(RequestRecord::status)
                .containsExactly(FetchStatus.OK, FetchStatus.NOT_FOUND, FetchStatus.OK);
    }

    @Test
    void aUrlNamingOneFileIsRequestedAlone() {
        server.put("http://srv/phones/desk-17.xml", xml("A", "1"));
        FetchPhase.Result result = run(store, "http://srv/phones/desk-17.xml");
        assertThat(server.requested()).containsExactly("http://srv/phones/desk-17.xml");
        assertThat(result.files()).extracting(f -> f.fetched().role()).containsExactly(FileRole.NAMED);
    }

    @Test
    void md5MarksChangedFilesAgainstTheLastAppliedRun() throws Exception { // Yealink L1567-1577
        server.put("http://srv/config.xml", xml("A", "1"));
        FetchPhase.Result first = new FetchPhase(settings(), PHONE, EnumSet.of(FileSequence.Family.ALE), server.transports(), store,
                store.appliedFiles()).run(List.of(candidate("http://srv/", Origin.STATIC)));
        assertThat(first.requests().get(0).change()).isEqualTo(RequestRecord.Change.CHANGED);
        store.apply(first.files());
        assertThat(store.appliedFiles()).isEqualTo(Map.of("http://srv/config.xml",
                Md5.of(xml("A", "1").getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        FetchPhase.Result second = new FetchPhase(settings(), PHONE, EnumSet.of(FileSequence.Family.ALE), server.transports(), store,
                store.appliedFiles()).run(List.of(candidate("http://srv/", Origin.STATIC)));
        assertThat(second.requests().get(0).change()).isEqualTo(RequestRecord.Change.UNCHANGED);
        assertThat(FetchPhase.sameAsApplied(FetchPhase.fingerprint(second.files()), store.appliedFiles())).isTrue();
        assertThat(second.requests().get(0).md5()).isEqualTo(Md5.of(xml("A", "1").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        server.put("http://srv/config.xml", xml("A", "2"));
        FetchPhase.Result third = new FetchPhase(settings(), PHONE, EnumSet.of(FileSequence.Family.ALE), server.transports(), store,
                store.appliedFiles()).run(List.of(candidate("http://srv/", Origin.STATIC)));
        assertThat(third.requests().get(0).change()).isEqualTo(RequestRecord.Change.CHANGED);
        assertThat(FetchPhase.sameAsApplied(FetchPhase.fingerprint(third.files()), store.appliedFiles())).isFalse();
    }

    private FetchPhase.Result run(ConfigSink sink, String url) {
        return phase(sink).run(List.of(candidate(url, Origin.STATIC)));
    }

    private FetchPhase phase(ConfigSink sink) {
        return new FetchPhase(settings(), PHONE, EnumSet.of(FileSequence.Family.ALE), server.transports(), sink, Map.of());
    }

    private ProvisioningSettings settings() {
        return ProvisioningSettings.read(config.current());
    }

    private static ServerCandidate candidate(String url, Origin origin) {
        return new ServerCandidate(ServerUrls.parse(url), origin, Credentials.NONE);
    }

    static String xml(String... pairs) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<settings>\n");
        for (int i = 0; i < pairs.length; i += 2) {
            out.append(" <setting id=\"").append(pairs[i]).append("\" value=\"").append(pairs[i + 1]).append("\" override=\"true\"/>\n");
        }
        return out.append("</settings>\n").toString();
    }
}
