package org.deskphone.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.deskphone.config.Access;
import org.deskphone.config.ConfigStore;
import org.deskphone.config.ProvisioningFile;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.loop.VirtualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code deskphone config check|show|set|reset|convert|encrypt|decrypt}. */
class ConfigCommandTest {
    private final CommandLine deskphone = new CommandLine();
    @TempDir
    Path tmp;

    private Path file(String name, String text) throws Exception {
        return Files.writeString(tmp.resolve(name), text);
    }

    @Test
    void checkPrintsFileLineProblemsAndFailsOnErrors() throws Exception {
        Path good = file("mac.cfg", "#!version:1.0.0.1\naccount.1.label = A\naccount.1.sip_server.1.port = 70000\nx.y = 1\n");
        Path bad = file("broken.xml", "<settings>\n<setting id=\"a\" value=\"1\">\n</settings>\n");
        Path rules = file("DialNow.xml", "<DialNow><Data DialNowRule=\"1234\" LineID=\"one\"/></DialNow>");
        assertThat(deskphone.run("config", "check", good.toString())).isZero();
        assertThat(deskphone.out()).isEqualTo(good + ":3: warning: account.1.sip_server.1.port: '70000' is not an integer from 0 to 65535; skipped\n"
                + good + ":4: warning: unknown parameter 'x.y'; kept as an unknown key\n");
        assertThat(deskphone.err()).contains("checked 1 file: 0 errors, 2 warnings");
        assertThat(deskphone.run("config", "check", good.toString(), bad.toString(), rules.toString())).isEqualTo(Main.FAILED);
        assertThat(deskphone.out()).contains(bad + ":3: error: not well-formed XML").contains(rules + ":1: warning: line id 'one'");
        assertThat(deskphone.run("config", "check")).isEqualTo(Main.USAGE);
    }

    @Test
    void setTakesEitherManualsNamesAllOrNothingAndResetDropsTheLocalChange() throws Exception {
        String data = tmp.resolve("data").toString();
        assertThat(deskphone.run("config", "set", "--data", data, "account.1.user_name=alice", "Account1Password=alicepw",
                "account.1.sip_server.1.port = 5070")).isZero();
        assertThat(deskphone.out()).contains("account.1.user_name = alice").contains("account.1.password = ***")
                .doesNotContain("alicepw");
        assertThat(deskphone.run("config", "show", "--data", data)).isZero();
        assertThat(deskphone.out()).containsPattern("account\\.1\\.sip_server\\.1\\.port = 5070 +# local");

        // One value out of range: nothing of the batch applies, and the message names the parameter.
        assertThat(deskphone.run("config", "set", "--data", data, "account.1.user_name=bob", "account.1.sip_server.1.port=70000"))
                .isEqualTo(Main.FAILED);
        assertThat(deskphone.err()).contains("account.1.sip_server.1.port").contains("nothing changed");
        assertThat(deskphone.run("config", "set", "--data", data, "no.such.key=1")).isEqualTo(Main.FAILED);
        assertThat(deskphone.err()).contains("no parameter named 'no.such.key'");
        deskphone.run("config", "show", "--data", data);
        assertThat(deskphone.out()).contains("account.1.user_name = alice");

        assertThat(deskphone.run("config", "reset", "--data", data, "account.1.sip_server.1.port")).isZero();
        deskphone.run("config", "show", "--data", data);
        assertThat(deskphone.out()).doesNotContain("sip_server.1.port").contains("account.1.user_name = alice");
        assertThat(deskphone.run("config", "set", "--data", data, "novalue")).isEqualTo(Main.USAGE);
    }

    @Test
    void setRefusesAFolderARunningPhoneHolds() throws Exception {
        DataFolder folder = DataFolder.open(tmp.resolve("busy"));
        try (DataFolder.Claim running = folder.claim()) {
            assertThat(deskphone.run("config", "set", "--data", folder.root().toString(), "account.1.user_name=alice"))
                    .isEqualTo(Main.FAILED);
            assertThat(deskphone.err()).contains("is in use by another deskphone");
        }
        assertThat(deskphone.run("config", "set", "--data", folder.root().toString(), "account.1.user_name=alice")).isZero();
    }

    @Test
    void encryptDecryptAndCheckAnEncryptedFile() throws Exception {
        Path plain = file("y000000000000.cfg", "#!version:1.0.0.1\naccount.1.password = alicepw\n");
        Path sealed = tmp.resolve("sealed.cfg");
        Path opened = tmp.resolve("opened.cfg");
        assertThat(deskphone.run("config", "encrypt", "--key", "0123456789abcdef", plain.toString(), sealed.toString())).isZero();
        assertThat(Files.readString(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("alicepw");
        assertThat(deskphone.run("config", "check", sealed.toString())).isEqualTo(Main.FAILED);
        assertThat(deskphone.out()).contains("the file is encrypted");
        assertThat(deskphone.run("config", "check", "--key", "0123456789abcdef", sealed.toString())).isZero();
        assertThat(deskphone.run("config", "decrypt", "--key", "fedcba9876543210", sealed.toString(), opened.toString())).isEqualTo(Main.FAILED);
        assertThat(deskphone.err()).contains("cannot decrypt: wrong key");
        assertThat(opened).doesNotExist();
        assertThat(deskphone.run("config", "decrypt", "--key", "0123456789abcdef", sealed.toString(), opened.toString())).isZero();
        assertThat(Files.readString(opened)).isEqualTo(Files.readString(plain));
        assertThat(Files.getPosixFilePermissions(opened)).hasSize(2);
        assertThat(deskphone.run("config", "encrypt", "--key", "short", plain.toString(), sealed.toString())).isEqualTo(Main.FAILED);
        assertThat(deskphone.err()).contains("exactly 16 characters");
    }

    @Test
    void convertBothWays() throws Exception {
        Path cfg = file("a.cfg", "#!version:1.0.0.1\naccount.1.sip_server_host = 127.0.0.1\n");
        assertThat(deskphone.run("config", "convert", "--to", "xml", cfg.toString())).isZero();
        assertThat(deskphone.out()).contains("<setting id=\"Account1Server1Address\" value=\"127.0.0.1\"/>");
        Path xml = file("b.xml", deskphone.out());
        assertThat(deskphone.run("config", "convert", "--to", "cfg", xml.toString())).isZero();
        assertThat(deskphone.out()).isEqualTo("#!version:1.0.0.1\naccount.1.sip_server.1.address = 127.0.0.1\n");
        assertThat(deskphone.run("config", "convert", "--to", "json", cfg.toString())).isEqualTo(Main.USAGE);
    }

    @Test
    void showPrintsTheEffectiveConfigurationWithSourcesAndMasksSecrets() throws Exception {
        Path data = tmp.resolve("data");
        PhoneLoop loop = new PhoneLoop(new VirtualClock(Instant.parse("2026-11-22T10:00:00Z")));
        loop.runPending();
        ConfigStore store = ConfigStore.open(data.resolve("config"), loop);
        store.applyProvisioning(List.of(ProvisioningFile.of("mac.cfg", "#!version:1.0.0.1\naccount.1.password = alicepw\n"
                + "account.1.label = Alice 201\nauto_provision.server.url = ftp://admin:s3cret@10.0.0.1/\nx.api_password = tok\nx.colour = red\n")));
        store.change(Access.ADMIN, Map.of("lang.gui", "German"));
        store.saved().get(5, TimeUnit.SECONDS);
        store.close(Duration.ofSeconds(5));

        assertThat(deskphone.run("config", "show", "--data", data.toString())).isZero();
        String shown = deskphone.out();
        assertThat(shown).contains("account.1.label = Alice 201", "# provisioned mac.cfg", "lang.gui = German", "# local",
                "account.1.password = ********", "auto_provision.server.url = ftp://admin:********@10.0.0.1/",
                "x.colour = red", "unknown, provisioned mac.cfg", "x.api_password = ********", "last provisioning: mac.cfg md5 ");
        assertThat(shown).doesNotContain("alicepw", "s3cret", "tok\n").doesNotContain("ntp_server1");
        assertThat(deskphone.run("config", "show", "--all", "--data", data.toString())).isZero();
        assertThat(deskphone.out()).contains("local_time.ntp_server1 = cn.pool.ntp.org", "# factory").doesNotContain("alicepw");
        assertThat(deskphone.run("config", "show", "--json", "--data", data.toString())).isZero();
        assertThat(deskphone.out()).doesNotContain("alicepw", "s3cret");
        JsonObject json = JsonParser.parseString(deskphone.out()).getAsJsonObject();
        assertThat(json.getAsJsonArray("parameters")).anySatisfy(entry -> {
            assertThat(entry.getAsJsonObject().get("name").getAsString()).isEqualTo("account.1.password");
            assertThat(entry.getAsJsonObject().get("value").getAsString()).isEqualTo("********");
            assertThat(entry.getAsJsonObject().get("source").getAsString()).isEqualTo("provisioned mac.cfg");
        });
        assertThat(json.getAsJsonArray("unknown")).hasSize(2);
        assertThat(json.getAsJsonArray("provisioned_files").get(0).getAsJsonObject().get("name").getAsString()).isEqualTo("mac.cfg");
    }

    @Test
    void helpListsTheConfigCommand() {
        assertThat(deskphone.run("help")).isZero();
        assertThat(deskphone.out()).contains("config");
        assertThat(deskphone.run("config")).isEqualTo(Main.USAGE);
        assertThat(deskphone.err()).contains("check", "show", "convert", "encrypt", "decrypt");
    }
}
