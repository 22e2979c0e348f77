package org.deskphone.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.deskphone.config.format.FileKind;
import org.deskphone.config.format.Problem;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.loop.VirtualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layered store: precedence, resets, bad input, change events, persistence. */
class ConfigStoreTest {
    @TempDir
    Path folder;
    private final PhoneLoop loop = new PhoneLoop(new VirtualClock(Instant.parse("2026-11-22T10:00:00Z")));
    private ConfigStore store;
    private final List<ConfigChange> changes = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        loop.runPending();
        store = ConfigStore.open(folder, loop);
        store.subscribe(changes::add);
    }

    @AfterEach
    void close() {
        store.close(Duration.ofSeconds(5));
    }

    private ProvisioningReport provision(String... nameAndContent) {
        List<ProvisioningFile> files = new ArrayList<>();
        for (int i = 0; i < nameAndContent.length; i += 2) {
            files.add(ProvisioningFile.of(nameAndContent[i], nameAndContent[i + 1]));
        }
        ProvisioningReport report = store.applyProvisioning(files);
        loop.runPending();
        return report;
    }

    private Config config() {
        return store.current();
    }

    @Test
    void laterFilesWinAndEachValueKnowsItsSource() {
        // Fetch order common, model, MAC (Yealink L1543–1546, ALE L2207–2212); the later file wins (digest §6 A6).
        ProvisioningReport report = provision(
                "y000000000000.cfg", "#!version:1.0.0.1\naccount.1.label = Common\nlang.gui = German\n",
                "config.M8.xml", "<settings><setting id=\"Account1Label\" value=\"Model\"/><setting id=\"Account1DisplayName\" value=\"Ann\"/></settings>",
                "001565aabbcc.cfg", "#!version:1.0.0.1\naccount.1.label = Mac\n");
        assertThat(report.allApplied()).isTrue();
        assertThat(config().string("account.1.label")).isEqualTo("Mac");
        assertThat(config().source("account.1.label")).isEqualTo(Source.provisioned("001565aabbcc.cfg"));
        assertThat(config().string("account.1.display_name")).isEqualTo("Ann");
        assertThat(config().source("account.1.display_name")).isEqualTo(Source.provisioned("config.M8.xml"));
        assertThat(config().string("lang.gui")).isEqualTo("German");
        assertThat(config().source("local_time.ntp_server1")).isEqualTo(Source.FACTORY);
        assertThat(config().string("local_time.ntp_server1")).isEqualTo("cn.pool.ntp.org");
        assertThat(config().provisionedFiles()).extracting(AppliedFile::name)
                .containsExactly("y000000000000.cfg", "config.M8.xml", "001565aabbcc.cfg");
        assertThat(config().provisionedFiles().get(0).md5()).isEqualTo(ProvisioningRun.md5(
                "#!version:1.0.0.1\naccount.1.label = Common\nlang.gui = German\n".getBytes()));
    }

    @Test
    void localChangesWinUntilANewerProvisioningRunSetsTheKey() {
        provision("a.cfg", "#!version:1.0.0.1\naccount.1.label = Provisioned\nlang.gui = German\n");
        assertThat(store.change(Access.ADMIN, Map.of("account.1.label", "Mine", "lang.gui", "French")).accepted()).isTrue();
        assertThat(config().string("account.1.label")).isEqualTo("Mine");
        assertThat(config().source("account.1.label")).isEqualTo(Source.LOCAL);

        provision("a.cfg", "#!version:1.0.0.1\naccount.1.label = Newer\n");
        assertThat(config().string("account.1.label")).as("a newer run sets the key: it wins").isEqualTo("Newer");
        assertThat(config().string("lang.gui")).as("a key the run does not mention keeps the local value").isEqualTo("French");
    }

    @Test
    void userSettingProtectionKeepsLocalChanges() {
        // E-32, ALE L2329–2337: with DeviceProvisionUserConfigProtectEnable the UI value survives auto provisioning.
        provision("config.xml", "<settings><setting id=\"DeviceProvisionUserConfigProtectEnable\" value=\"true\"/>"
                + "<setting id=\"SettingRingInternal\" value=\"Lounge\"/></settings>");
        store.change(Access.USER, Map.of("phone_setting.ring_internal", "Miami"));
        provision("config.xml", "<settings><setting id=\"DeviceProvisionUserConfigProtectEnable\" value=\"true\"/>"
                + "<setting id=\"SettingRingInternal\" value=\"Discovery\"/></settings>");
        assertThat(config().string("phone_setting.ring_internal")).isEqualTo("Miami");
        assertThat(config().source("phone_setting.ring_internal")).isEqualTo(Source.LOCAL);
        // The Yealink spelling of the same switch, as the wazo template writes it.
        provision("wazo.cfg", "#!version:1.0.0.1\nstatic.auto_provision.custom.protect = 0\nphone_setting.ring_internal = Happy\n");
        assertThat(config().string("phone_setting.ring_internal")).isEqualTo("Happy");
    }

    @Test
    void allThreeResetSyntaxesRestoreTheDefault() {
        // E10 (L2017–2021): %NULL% and !NULL!; E-25 (ALE L2311–2319): define="default".
        provision("a.cfg", "#!version:1.0.0.1\nlocal_time.ntp_server1 = pool.example\nlocal_time.ntp_server2 = pool.example\n"
                + "features.dnd.enable = 1\n");
        store.change(Access.ADMIN, Map.of("local_time.ntp_server1", "mine.example"));
        provision("b.cfg", "#!version:1.0.0.1\nlocal_time.ntp_server1 = %NULL%\nlocal_time.ntp_server2 = !NULL!\n",
                "c.xml", "<settings><setting id=\"FeatureDndEnable\" define=\"default\" /></settings>");
        assertThat(config().string("local_time.ntp_server1")).isEqualTo("cn.pool.ntp.org");
        assertThat(config().source("local_time.ntp_server1")).as("the reset beats the local change too").isEqualTo(Source.FACTORY);
        assertThat(config().string("local_time.ntp_server2")).isEqualTo("cn.pool.ntp.org");
        assertThat(config().bool("features.dnd.enable")).isFalse();
        assertThat(config().source("features.dnd.enable")).isEqualTo(Source.FACTORY);
    }

    @Test
    void aBlankCfgValueLeavesTheValueAlone() {
        // E14 / digest §6 A7: "key =" is not a reset.
        provision("a.cfg", "#!version:1.0.0.1\naccount.1.label = Front desk\n");
        provision("b.cfg", "#!version:1.0.0.1\naccount.1.label =   \n");
        assertThat(config().string("account.1.label")).isEqualTo("Front desk");
    }

    @Test
    void aMalformedFileAppliesNothingAndTheRunGoesOn() {
        provision("good.cfg", "#!version:1.0.0.1\naccount.1.label = Good\n");
        ProvisioningReport report = provision(
                "broken.xml", "<settings>\n<setting id=\"Account1Label\" value=\"Bad\"/>\n<setting id=\"x\" value=\"1\">\n</settings>",
                "mac.cfg", "#!version:1.0.0.1\naccount.1.display_name = Still applied\n");
        assertThat(report.files().get(0).applied()).isFalse();
        assertThat(report.files().get(0).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.isError()).isTrue();
            assertThat(problem.toString()).startsWith("broken.xml:4: error: not well-formed XML");
        });
        assertThat(report.files().get(1).applied()).isTrue();
        assertThat(config().string("account.1.label")).as("nothing of the broken file applied").isEqualTo("Good");
        assertThat(config().string("account.1.display_name")).isEqualTo("Still applied");
        assertThat(config().provisionedFiles()).extracting(AppliedFile::name).containsExactly("mac.cfg");
    }

    @Test
    void valuesThatDoNotFitAreSkippedWithTheirLineAndRange() {
        ProvisioningReport report = provision("a.cfg", "#!version:1.0.0.1\naccount.1.sip_server.1.port = 70000\n"
                + "account.1.sip_server_port = 5070\naccount.1.label = " + "x".repeat(65) + "\nauto_provision.mode = 3\n");
        assertThat(report.problems()).extracting(Problem::toString).containsExactly(
                "a.cfg:2: warning: account.1.sip_server.1.port: '70000' is not an integer from 0 to 65535; skipped",
                "a.cfg:4: warning: account.1.label: '" + "x".repeat(65) + "' is not text of at most 64 characters; skipped",
                "a.cfg:5: warning: auto_provision.mode: '3' is not one of 0, 1, 4, 5, 6, 7; skipped");
        assertThat(config().integer("account.1.sip_server.1.port")).isEqualTo(5070);
    }

    @Test
    void unknownKeysAreKeptAndReported() {
        ProvisioningReport report = provision("a.cfg", "#!version:1.0.0.1\nfeatures.text_message.enable = 0\naccount.21.label = x\n");
        assertThat(report.problems()).extracting(Problem::message).containsExactly(
                "unknown parameter 'features.text_message.enable'; kept as an unknown key",
                "'account.21.label' has an index outside the range of account.X.label (X 1..20); kept as an unknown key");
        assertThat(config().unknown()).containsOnlyKeys("features.text_message.enable", "account.21.label");
        assertThat(config().unknown().get("features.text_message.enable")).isEqualTo(new Config.Value("0", Source.provisioned("a.cfg")));
    }

    @Test
    void encryptedAndForeignFilesAreRejectedWithAReason() {
        byte[] sealed = org.deskphone.config.format.ConfigCipher.encrypt(org.deskphone.config.format.ConfigCipher.Scheme.YEALINK,
                "0123456789abcdef", "#!version:1.0.0.1\n".getBytes());
        ProvisioningReport report = store.applyProvisioning(List.of(new ProvisioningFile("y.cfg", sealed),
                ProvisioningFile.of("contacts.xml", "<root_group/><root_contact/>")));
        assertThat(report.files()).extracting(ProvisioningReport.FileResult::kind).containsExactly(FileKind.ENCRYPTED, FileKind.CONTACTS);
        assertThat(report.files()).noneMatch(ProvisioningReport.FileResult::applied);
        assertThat(report.problems().get(0).message()).contains("the file is encrypted; decrypt it first");
        assertThat(report.problems().get(1).message()).contains("contacts file, not a configuration file");
    }

    @Test
    void subscribersHearEachCommittedChangeOnTheLoopWithTheRestartFlag() {
        // E23 (L1557–1565, L1589–1591): a label applies live; a VLAN id needs a reboot.
        List<String> threads = new ArrayList<>();
        store.subscribe(change -> threads.add(loop.inLoop() ? "loop" : "other"));
        ProvisioningReport label = provision("mac.cfg", "#!version:1.0.0.1\naccount.1.label = Desk\n");
        assertThat(label.needsRestart()).isFalse();
        ProvisioningReport vlan = provision("mac.cfg", "#!version:1.0.0.1\nnetwork.vlan.internet_port_vid = 10\naccount.1.label = Desk\n");
        assertThat(vlan.needsRestart()).isTrue();
        assertThat(vlan.changed()).containsExactly("network.vlan.internet_port_vid");
        provision("mac.cfg", "#!version:1.0.0.1\nnetwork.vlan.internet_port_vid = 10\n");
        assertThat(changes).hasSize(2).extracting(ConfigChange::needsRestart).containsExactly(false, true);
        assertThat(changes).extracting(ConfigChange::origin).containsOnly(ConfigChange.Origin.PROVISIONING);
        assertThat(changes.get(0).changed()).containsExactly("account.1.label");
        assertThat(changes.get(0).before().string("account.1.label")).isEmpty();
        assertThat(changes.get(0).after().string("account.1.label")).isEqualTo("Desk");
        assertThat(changes.get(1).touches("network.vlan")).isTrue();
        assertThat(threads).containsExactly("loop", "loop");
    }

    @Test
    void localChangesAreCheckedAgainstAccessAndRangeAllOrNothing() {
        ChangeResult refused = store.change(Access.USER, Map.of("account.1.password", "x", "voice.ring_vol", "16", "lang.gui", "German"));
        assertThat(refused.accepted()).isFalse();
        assertThat(refused.problems()).extracting(Problem::message).containsExactlyInAnyOrder(
                "account.1.password: user access may not change it; it needs admin",
                "voice.ring_vol: '16' is not an integer from 0 to 15");
        assertThat(config().string("lang.gui")).as("nothing applied").isEqualTo("English");
        assertThat(store.change(Access.USER, Map.of("no.such.thing", "1")).problems()).extracting(Problem::message)
                .containsExactly("no parameter named 'no.such.thing'");
        assertThat(store.change(Access.ADMIN, Map.of("account.1.sip_server_host", "x")).problems()).extracting(Problem::message)
                .containsExactly("no parameter named 'account.1.sip_server_host'; it is a synonym of account.1.sip_server.1.address");

        ChangeResult accepted = store.change(Access.USER, Map.of("voice.ring_vol", "3", "features.dnd.enable", "true"));
        assertThat(accepted.accepted()).isTrue();
        loop.runPending();
        assertThat(changes).singleElement().extracting(ConfigChange::origin).isEqualTo(ConfigChange.Origin.LOCAL);
        assertThat(accepted.changed()).containsExactlyInAnyOrder("voice.ring_vol", "features.dnd.enable");
        assertThat(config().bool("features.dnd.enable")).isTrue();
        assertThat(store.reset(Access.USER, List.of("voice.ring_vol")).changed()).containsExactly("voice.ring_vol");
        assertThat(config().integer("voice.ring_vol")).isEqualTo(8);
    }

    @Test
    void aSecretIsNeverEchoedInAMessage() {
        ChangeResult result = store.change(Access.ADMIN, Map.of("security.password.admin", "abc"));
        assertThat(result.problems()).extracting(Problem::message)
                .containsExactly("security.password.admin: the value is not a password of 4 to 32 characters");
    }

    @Test
    void yealinksCompoundPasswordKeySetsTheNamedUsersPassword() {
        // E51: security.user_password = admin:newpass (L400–404, L5416–5431).
        ProvisioningReport report = provision("a.cfg", "#!version:1.0.0.1\nsecurity.user_password = admin:newpass\n"
                + "security.user_name.var = clerk\nsecurity.user_password = clerk:var-secret\nsecurity.user_password = nobody:x\n");
        assertThat(config().string("security.password.admin")).isEqualTo("newpass");
        assertThat(config().string("security.password.var")).isEqualTo("var-secret");
        assertThat(report.problems()).extracting(Problem::message)
                .containsExactly("security.user_password: 'nobody' is not the admin, var or user login name; skipped");
    }

    @Test
    void mutationsOffTheLoopAreRefused() throws Exception {
        Thread other = new Thread(() -> assertThatThrownBy(() -> store.change(Access.ADMIN, Map.of("lang.gui", "German")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("only on the phone loop"));
        other.start();
        other.join();
        assertThat(config().string("lang.gui")).isEqualTo("English");
    }

    @Test
    void theStoreSurvivesARestartOwnerOnly() throws Exception {
        provision("mac.cfg", "#!version:1.0.0.1\naccount.1.password = alicepw\nfeatures.text_message.enable = 0\n");
        store.change(Access.ADMIN, Map.of("account.1.label", "Mine"));
        store.saved().get(5, TimeUnit.SECONDS);
        assertThat(store.close(Duration.ofSeconds(5))).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("store.cfg")))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");

        ConfigStore reopened = ConfigStore.open(folder, loop);
        try {
            Config again = reopened.current();
            assertThat(again.explicitValues()).isEqualTo(config().explicitValues());
            assertThat(again.unknown()).isEqualTo(config().unknown());
            assertThat(again.provisionedFiles()).isEqualTo(config().provisionedFiles());
            assertThat(again.localChanges()).isEqualTo(Map.of("account.1.label", "Mine"));
        } finally {
            reopened.close(Duration.ofSeconds(5));
        }
    }

    @Test
    void aDamagedStoreFallsBackToThePreviousOne() throws Exception {
        store.change(Access.ADMIN, Map.of("account.1.label", "First"));
        store.saved().get(5, TimeUnit.SECONDS);
        store.change(Access.ADMIN, Map.of("account.1.label", "Second"));
        store.saved().get(5, TimeUnit.SECONDS);
        store.close(Duration.ofSeconds(5));
        Path file = folder.resolve("store.cfg");
        String text = Files.readString(file);
        Files.writeString(file, text.replace("Second", "Sekond"));

        ConfigStore reopened = ConfigStore.open(folder, loop);
        try {
            assertThat(reopened.current().string("account.1.label")).isEqualTo("First");
            assertThat(folder.resolve("store.cfg.damaged")).exists();
        } finally {
            reopened.close(Duration.ofSeconds(5));
        }
        Files.writeString(folder.resolve("store.cfg"), "#!version:1.0.0.1\naccount.1.label = torn");
        Files.delete(folder.resolve("store.cfg.bak"));
        ConfigStore fresh = ConfigStore.open(folder, loop);
        try {
            assertThat(fresh.current().explicitValues()).as("neither file is good: factory defaults").isEmpty();
        } finally {
            fresh.close(Duration.ofSeconds(5));
        }
    }

    @Test
    void readingOfflineSeesWhatWasSaved() throws Exception {
        assertThat(ConfigStore.read(folder.resolve("nothing-here")).explicitValues()).isEmpty();
        store.change(Access.ADMIN, Map.of("account.2.label", "Two"));
        store.saved().get(5, TimeUnit.SECONDS);
        assertThat(ConfigStore.read(folder).string("account.2.label")).isEqualTo("Two");
    }

    @Test
    void typedReads() {
        provision("a.xml", "<settings><setting id=\"AccountXAudioCodec\" value=\"1\"/>"
                + "<setting id=\"Account1AudioCodec\" value=\"8; 0 ;9\"/><setting id=\"Account1Enable\" value=\"true\"/>"
                + "<setting id=\"DeviceProvisionPollingBeginTime\" value=\"3:05\"/></settings>");
        Config config = config();
        assertThat(config.list("account.1.audio_codecs")).containsExactly("8", "0", "9");
        assertThat(config.bool("account.1.enable")).isTrue();
        assertThat(config.time("auto_provision.polling.begin_time")).isEqualTo(java.time.LocalTime.of(3, 5));
        assertThat(config.decimal("account.1.advanced.timer_t1")).isEqualTo(0.5);
        assertThat(config.isBlank("dialplan.area_code.code")).isTrue();
        assertThatThrownBy(() -> config.integer("local_time.offset_time")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> config.string("account.99.label")).isInstanceOf(IllegalArgumentException.class);
        assertThat(config.parameter("account.3.sip_server.2.address").xmlId()).isEqualTo("Account3Server2Address");
        assertThat(config.parameter("account.3.sip_server.2.address").indices()).containsExactly(3, 2);
    }
}
