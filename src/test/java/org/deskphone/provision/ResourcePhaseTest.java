package org.deskphone.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.loop.VirtualClock;
import org.deskphone.testing.PhoneConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resource files named by a run's configuration: stored, skipped when unchanged, deleted on request. */
class ResourcePhaseTest {
    @TempDir
    Path resources;
    private final MemoryServer server = new MemoryServer();
    private final PhoneConfig config = new PhoneConfig();
    private final ConfigSink sink = new ConfigSink(config.store);
    private final ServerCandidate origin = new ServerCandidate(ServerUrls.parse("http://srv/"), ServerCandidate.Origin.STATIC,
            Credentials.NONE);

    @Test
    void contactsAreStoredAndUnchangedOnesSkipped() throws Exception { // Yealink L1026-1032, digest §6 A8
        server.put("http://srv/contact_list.xml", "<root_group/><root_contact/>");
        ResourcePhase.Result first = phase(Map.of()).run(origin, files("local_contact.data.url = contact_list.xml"));
        assertThat(first.installed()).hasSize(1);
        Path stored = resources.resolve("contacts/contact_list.xml");
        assertThat(stored).hasContent("<root_group/><root_contact/>");
        ResourcePhase.Result second = phase(Map.of("http://srv/contact_list.xml", first.installed().get(0).md5()))
                .run(origin, files("local_contact.data.url = contact_list.xml"));
        assertThat(second.installed()).isEmpty();
        assertThat(second.requests().get(0).change()).isEqualTo(RequestRecord.Change.UNCHANGED);
    }

    @Test
    void yealinkDeletesOnlyForLocalhostAll() throws Exception { // Yealink L11300-11307, digest §6 A28
        Files.createDirectories(resources.resolve("ringtones"));
        Files.writeString(resources.resolve("ringtones/Ring9.wav"), "x");
        ResourcePhase.Result ignored = phase(Map.of()).run(origin, files("ringtone.delete = http://example/all"));
        assertThat(resources.resolve("ringtones/Ring9.wav")).exists();
        assertThat(ignored.notes()).anyMatch(note -> note.contains("only http://localhost/all deletes"));
        phase(Map.of()).run(origin, files("ringtone.delete = HTTP://localhost/all"));
        assertThat(resources.resolve("ringtones/Ring9.wav")).doesNotExist();
    }

    @Test
    void firmwareIsNotDownloadedWhereItCannotBeInstalled() throws Exception { // Yealink L1235-1245
        server.put("http://srv/2.71.0.140.rom", new byte[1000]);
        ResourcePhase.Result result = phase(Map.of()).run(origin, files("firmware.url = tftp://admin:password@srv/2.71.0.140.rom"));
        assertThat(server.requested()).isEmpty();
        assertThat(result.notes()).anyMatch(note -> note.contains("cannot install firmware") && !note.contains("password@"));
    }

    @Test
    void aTrustedCertificateThatIsNoneIsRefused() throws Exception {
        server.put("http://srv/ca.pem", "-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n");
        ResourcePhase.Result result = phase(Map.of()).run(origin, files("trusted_certificates.url = ca.pem"));
        assertThat(result.installed()).isEmpty();
        assertThat(result.requests().get(0).detail()).startsWith("rejected: ca.pem is not a certificate file");
        assertThat(resources.resolve("certificates/trusted/ca.pem")).doesNotExist();
    }

    @Test
    void fileNamesCannotEscapeTheirFolder() throws Exception {
        server.put("http://srv/x/..%2F..%2Fevil.xml", "<DialRule/>");
        server.put("http://srv/dial/.hidden.xml", "<DialNow/>");
        phase(Map.of()).run(origin, files("dialplan_replace_rule.url = http://srv/x/..%2F..%2Fevil.xml",
                "dialplan_dialnow.url = http://srv/dial/.hidden.xml"));
        try (var all = Files.walk(resources)) {
            assertThat(all.filter(Files::isRegularFile)).allMatch(file -> file.startsWith(resources.resolve("replace-rules"))
                    || file.startsWith(resources.resolve("dial-now")));
        }
        assertThat(resources.resolve("dial-now/_hidden.xml")).exists();
    }

    @Test
    void aDialRuleFileTheStoreCannotReadIsRefusedAndTheInstalledOneKept() throws Exception { // Yealink L1036-1107
        server.put("http://srv/rules.xml", "<DialRule><Data Prefix=\"1\" Replace=\"2\"/></DialRule>");
        phase(Map.of()).run(origin, files("dialplan_replace_rule.url = rules.xml"));
        server.put("http://srv/rules.xml", "<DialRule><Data Prefix=\"1\" Replace=\"2\"></DialRule>");
        ResourcePhase.Result broken = phase(Map.of()).run(origin, files("dialplan_replace_rule.url = rules.xml"));
        assertThat(broken.installed()).isEmpty();
        assertThat(broken.requests().get(0).detail()).startsWith("rejected: rules.xml:1: not well-formed XML");
        assertThat(resources.resolve("replace-rules/rules.xml")).hasContent("<DialRule><Data Prefix=\"1\" Replace=\"2\"/></DialRule>");
    }

    @Test
    void aNewDialRuleFileReplacesTheOneBefore() throws Exception { // Yealink L1038-1040, L1111-1113
        server.put("http://srv/old.xml", "<DialNow><Data DialNowRule=\"1\"/></DialNow>");
        server.put("http://srv/new.xml", "<DialNow><Data DialNowRule=\"2\"/></DialNow>");
        phase(Map.of()).run(origin, files("dialplan_dialnow.url = old.xml"));
        phase(Map.of()).run(origin, files("dialplan_dialnow.url = new.xml"));
        try (var kept = Files.list(resources.resolve("dial-now"))) {
            assertThat(kept).extracting(path -> path.getFileName().toString()).containsExactly("new.xml");
        }
        assertThat(ResourceKind.DIAL_NOW.inForce(resources)).contains(resources.resolve("dial-now/new.xml"));
        assertThat(ResourceKind.REPLACE_RULES.inForce(resources)).isEmpty();
    }

    @Test
    void eachManualsNameIsReadFromItsOwnDialectOnly() throws Exception { // Yealink L731, ALE L10421, L4461
        // gui_lang.url and SettingCustomLanguageUploadUrl are one parameter of the catalogue: one download.
        server.put("http://srv/lang.txt", "French");
        phase(Map.of()).run(origin, files("gui_lang.url = lang.txt"));
        assertThat(server.requested()).containsExactly("http://srv/lang.txt");
        // ALE deletes with "/all", which Yealink's ringtone.delete does not take (L11300-11307).
        Files.createDirectories(resources.resolve("ringtones"));
        Files.writeString(resources.resolve("ringtones/Ring9.wav"), "x");
        ResourcePhase.Result ale = phase(Map.of()).run(origin, List.of(file(
                "<settings><setting id=\"SettingRingtoneDelete\" value=\"/all\"/></settings>")));
        assertThat(resources.resolve("ringtones/Ring9.wav")).doesNotExist();
        assertThat(ale.notes()).containsExactly("SettingRingtoneDelete: deleted every custom ringtones file");
    }

    private ResourcePhase phase(Map<String, String> installed) {
        return new ResourcePhase(resources, server.transports(), ProvisioningSettings.read(config.current()), installed, false);
    }

    private List<ParsedFile> files(String... lines) throws ConfigRejected {
        return List.of(file("#!version:1.0.0.1\n" + String.join("\n", lines) + "\n"));
    }

    private ParsedFile file(String text) throws ConfigRejected {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return sink.read(new FetchedFile(FileRole.YEALINK_MAC, "http://srv/001565AABBCC.cfg", bytes, Md5.of(bytes), Optional.empty()));
    }
}
