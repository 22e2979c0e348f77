package org.deskphone.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.deskphone.config.format.Problem;
import org.deskphone.testing.SharedFiles;
import org.junit.jupiter.api.Test;

/**
 * The real-world corpus (../shared/corpus/real-world, see its README for the values it was rendered
 * with) loads unchanged: every file applies, unknown keys are kept and reported as warnings, and the
 * values the PBXs meant are the values the phone reads.
 */
class CorpusTest {
    private final StoreFixture phone = new StoreFixture();

    private static ProvisioningFile corpus(String name) throws IOException {
        return new ProvisioningFile(name, Files.readAllBytes(SharedFiles.file("corpus/real-world/" + name)));
    }

    private ProvisioningReport apply(String... names) throws IOException {
        List<ProvisioningFile> files = new java.util.ArrayList<>();
        for (String name : names) {
            files.add(corpus(name));
        }
        ProvisioningReport report = phone.store.applyProvisioning(files);
        phone.loop.runPending();
        return report;
    }

    @Test
    void everyFileOfTheCorpusAppliesAndKeepsItsUnknownKeys() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(SharedFiles.file("corpus/real-world"))) {
            files = list.filter(p -> p.toString().endsWith(".cfg")).sorted().toList();
        }
        assertThat(files).hasSize(5);
        for (Path file : files) {
            StoreFixture fresh = new StoreFixture();
            ProvisioningReport report = fresh.store.applyProvisioning(List.of(
                    new ProvisioningFile(file.getFileName().toString(), Files.readAllBytes(file))));
            ProvisioningReport.FileResult result = report.files().get(0);
            assertThat(result.applied()).as(file.toString()).isTrue();
            assertThat(result.problems()).as(file.toString()).noneMatch(Problem::isError);
            long unknownWarnings = result.problems().stream().filter(p -> p.message().contains("kept as an unknown key")).count();
            assertThat(unknownWarnings).as(file + ": unknown keys are reported").isPositive();
            assertThat(fresh.store.current().unknown()).as(file + ": and kept").isNotEmpty();
        }
    }

    @Test
    void fusionPbxT28pCommonThenMac() throws IOException {
        ProvisioningReport report = apply("fusionpbx-t28p-y000000000000.cfg", "fusionpbx-t28p-001565aabbcc.cfg");
        assertThat(report.allApplied()).isTrue();
        Config config = phone.store.current();
        assertThat(config.string("account.1.display_name")).isEqualTo("Alice Example");
        assertThat(config.string("account.1.label")).isEqualTo("Alice 201");
        assertThat(config.string("account.1.user_name")).isEqualTo("alice");
        assertThat(config.string("account.1.password")).isEqualTo("alicepw");
        assertThat(config.string("account.1.sip_server.1.address")).as("from account.1.sip_server_host").isEqualTo("127.0.0.1");
        assertThat(config.integer("account.1.sip_server.1.port")).as("from account.1.sip_server_port").isEqualTo(5160);
        assertThat(config.integer("account.1.sip_server.1.expires")).as("from account.1.expires").isEqualTo(300);
        assertThat(config.string("account.2.display_name")).isEqualTo("Bob Example");
        assertThat(config.string("voice_mail.number.1")).isEqualTo("*97");
        assertThat(config.string("linekey.1.type")).isEqualTo("16");
        assertThat(config.string("linekey.1.value")).isEqualTo("202");
        assertThat(config.string("linekey.1.label")).isEqualTo("Bob");
        assertThat(config.string("local_time.time_zone")).isEqualTo("-5");
        assertThat(config.source("local_time.time_zone")).isEqualTo(Source.provisioned("fusionpbx-t28p-y000000000000.cfg"));
        assertThat(config.source("account.1.password")).isEqualTo(Source.provisioned("fusionpbx-t28p-001565aabbcc.cfg"));
    }

    @Test
    void fusionPbxT46sBlankRepeatsDoNotEraseTheServer() throws IOException {
        // The MAC file writes account.1.sip_server.1.address = 127.0.0.1, then the same key blank: blank changes nothing (A7).
        apply("fusionpbx-t46s-y000000000066.cfg", "fusionpbx-t46s-001565aabbcc.cfg");
        Config config = phone.store.current();
        assertThat(config.string("account.1.sip_server.1.address")).isEqualTo("127.0.0.1");
        assertThat(config.integer("account.1.sip_server.1.port")).isEqualTo(5160);
        assertThat(config.integer("account.2.sip_server.1.expires")).isEqualTo(300);
        assertThat(config.string("account.2.user_name")).isEqualTo("bob");
        assertThat(config.string("linekey.1.label")).isEqualTo("Bob");
    }

    @Test
    void wazoUsesTheStaticPrefixAndNullResets() throws IOException {
        phone.cfg("account.3.label = left over", "account.1.display_name = old");
        apply("wazo-v86-001565aabbcc.cfg");
        Config config = phone.store.current();
        assertThat(config.string("auto_provision.server.url")).isEqualTo("http://127.0.0.1:8667/");
        assertThat(config.bool("auto_provision.pnp_enable")).isFalse();
        assertThat(config.bool("auto_provision.custom.protect")).isTrue();
        assertThat(config.string("account.1.label")).isEqualTo("Alice Example");
        assertThat(config.string("account.2.password")).isEqualTo("bobpw");
        assertThat(config.integer("account.2.sip_server.1.port")).isEqualTo(5160);
        assertThat(config.string("distinctive_ring_tones.alert_info.8.text")).isEqualTo("ring8");
        // Line 164 of the file: "account.3.label = %NULL%", the template's way of clearing an unused line.
        assertThat(config.source("account.3.label")).isEqualTo(Source.FACTORY);
        assertThat(config.string("account.3.label")).isEmpty();
    }
}
