package org.deskphone.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.deskphone.config.format.ConfigCipher;
import org.deskphone.config.format.Dialect;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.loop.VirtualClock;
import org.deskphone.testing.PhoneConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store as provisioning sees it: reading fetched files, one commit per run, and installed resource files. */
class ConfigSinkTest {
    private static final String MAC_URL = "http://srv/001565aabbcc.cfg";

    @TempDir
    Path resources;
    private final List<ResourceKind> heard = new ArrayList<>();
    private final PhoneConfig config = new PhoneConfig();
    private final ConfigSink sink = new ConfigSink(config.store, heard::add);

    @Test
    void aFileIsReadInEitherDialectByEitherDialectsNames() throws Exception {
        ParsedFile cfg = sink.read(fetched(FileRole.YEALINK_MAC, "#!version:1.0.0.1\nauto_provision.server.url = http://a/\n",
                Optional.empty()));
        assertThat(cfg.dialect()).isEqualTo(Dialect.CFG);
        assertThat(cfg.value("DeviceProvisionServerUrl")).contains("http://a/");
        assertThat(cfg.md5()).isEqualTo(cfg.fetched().md5());
        ParsedFile xml = sink.read(fetched(FileRole.ALE_FIRST,
                "<settings><setting id=\"DeviceProvisionServerUrl\" value=\"http://b/\"/></settings>", Optional.empty()));
        assertThat(xml.dialect()).isEqualTo(Dialect.XML);
        assertThat(xml.value("auto_provision.server.url")).contains("http://b/");
    }

    @Test
    void anEncryptedFileIsReadWithItsKeyAndRecordedByWhatItSays() throws Exception { // Yealink L653-655, L1579-1583
        String plain = "#!version:1.0.0.1\naccount.1.label = Secret\n";
        byte[] sealed = ConfigCipher.encrypt(ConfigCipher.Scheme.YEALINK, "RightKey12345678", plain.getBytes(StandardCharsets.UTF_8));
        ParsedFile file = sink.read(fetched(FileRole.YEALINK_MAC, sealed, Optional.of("RightKey12345678")));
        assertThat(file.value("account.1.label")).contains("Secret");
        assertThat(file.md5()).isEqualTo(Md5.of(plain.getBytes(StandardCharsets.UTF_8))).isNotEqualTo(file.fetched().md5());

        assertThatThrownBy(() -> sink.read(fetched(FileRole.YEALINK_MAC, sealed, Optional.of("WrongKey12345678"))))
                .isInstanceOf(ConfigRejected.class).hasMessageStartingWith("cannot decrypt: wrong key");
        assertThatThrownBy(() -> sink.read(fetched(FileRole.YEALINK_MAC, sealed, Optional.empty())))
                .isInstanceOf(ConfigRejected.class).hasMessage("the file is encrypted and no AES key is configured for it (YEALINK_MAC)");
    }

    @Test
    void whatIsNoConfigurationFileIsRejectedWithItsLine() {
        assertThatThrownBy(() -> sink.read(fetched(FileRole.YEALINK_MAC, "<DialRule><Data Prefix=\"1\" Replace=\"2\"/></DialRule>",
                Optional.empty()))).isInstanceOf(ConfigRejected.class).hasMessage("line 1: this is a replace rules file, not a configuration file");
    }

    @Test
    void oneCommitReportsCanonicalNamesWithSecretsHidden() throws Exception { // Yealink L1589-1591, L2017-2021
        config.cfg("local_time.time_format = 0");
        ParsedFile common = sink.read(fetched(FileRole.YEALINK_COMMON, "#!version:1.0.0.1\nlocal_time.time_format = %NULL%\n"
                + "auto_provision.server.url = ftp://admin:s3cret@10.0.0.1/\naccount.1.password = alicepw\n", Optional.empty()));
        ParsedFile mac = sink.read(fetched(FileRole.YEALINK_MAC, "#!version:1.0.0.1\nnetwork.vlan.internet_port_vid = 20\n"
                + "account.1.sip_server.1.port = 99999\n", Optional.empty()));
        ApplyReport report = sink.apply(List.of(common, mac));
        assertThat(report.changes()).extracting(ApplyReport.Change::shown).containsExactly(
                "account.1.password = ***",
                "auto_provision.server.url = ftp://admin:********@10.0.0.1/",
                "local_time.time_format = (default)",
                "network.vlan.internet_port_vid = 20  (needs restart)");
        assertThat(report.restartNeeded()).isTrue();
        assertThat(report.rejected()).isEmpty();
        assertThat(report.warnings()).singleElement().asString().startsWith(MAC_URL + ":3: warning: account.1.sip_server.1.port");
        assertThat(sink.appliedFiles()).containsExactly(java.util.Map.entry("http://srv/y000000000000.cfg", common.md5()),
                java.util.Map.entry(MAC_URL, mac.md5()));
    }

    @Test
    void aDialRuleFileIsReadAndItsReaderTold() throws Exception { // Yealink L1036-1107
        Path rules = Files.writeString(resources.resolve("rules.xml"),
                "<DialRule><Data Prefix=\"1\" Replace=\"2\"/><Data Prefix=\"3\" Replace=\"4\" LineID=\"1\"/></DialRule>");
        ApplyReport report = sink.resourceInstalled(ResourceKind.REPLACE_RULES, rules);
        assertThat(report.changes()).extracting(ApplyReport.Change::shown).containsExactly("replace-rules = rules.xml: 2 rules");
        assertThat(heard).containsExactly(ResourceKind.REPLACE_RULES);

        Path broken = Files.writeString(resources.resolve("broken.xml"), "<DialNow><Data DialNowRule=\"1\"></DialNow>");
        ApplyReport refused = sink.resourceInstalled(ResourceKind.DIAL_NOW, broken);
        assertThat(refused.rejected()).singleElement().satisfies(r -> assertThat(r.message()).startsWith("line 1: not well-formed XML"));
        assertThat(heard).as("a file that cannot be read is nobody's news").containsExactly(ResourceKind.REPLACE_RULES);
    }

    private static FetchedFile fetched(FileRole role, String text, Optional<String> key) {
        return fetched(role, text.getBytes(StandardCharsets.UTF_8), key);
    }

    private static FetchedFile fetched(FileRole role, byte[] content, Optional<String> key) {
        String source = role == FileRole.YEALINK_COMMON ? "http://srv/y000000000000.cfg" : role == FileRole.YEALINK_MAC ? MAC_URL
                : "http://srv/config.xml";
        return new FetchedFile(role, source, content, Md5.of(content), key);
    }
}
