package org.deskphone.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.deskphone.config.format.Dialect;
import org.deskphone.config.format.FormatException;
import org.deskphone.config.format.Problem;
import org.junit.jupiter.api.Test;

/** Conversion between the dialects with canonical names, and exports without passwords. */
class ConversionTest {

    private static Conversion.Result convert(String text, Dialect to) throws FormatException {
        return Conversion.convert("in", text.getBytes(StandardCharsets.UTF_8), to);
    }

    @Test
    void cfgToXmlWritesAleIdsAndTrueFalse() throws Exception {
        Conversion.Result result = convert("#!version:1.0.0.1\naccount.1.sip_server_host = 127.0.0.1\naccount.1.enable = 1\n"
                + "local_time.ntp_server1 = %NULL%\nnetwork.bridge_mode = 0\nfeatures.text_message.enable = 0\naccount.1.label =\n", Dialect.XML);
        assertThat(result.text()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<settings>\n"
                + "  <setting id=\"Account1Server1Address\" value=\"127.0.0.1\"/>\n"
                + "  <setting id=\"Account1Enable\" value=\"true\"/>\n"
                + "  <setting id=\"SettingSntpServer\" define=\"default\"/>\n"
                + "  <setting id=\"network.bridge_mode\" value=\"0\"/>\n"
                + "  <setting id=\"features.text_message.enable\" value=\"0\"/>\n"
                + "</settings>\n");
        assertThat(result.problems()).extracting(Problem::message).containsExactly(
                "unknown parameter 'features.text_message.enable'; kept as an unknown key");
    }

    @Test
    void xmlToCfgWritesCanonicalNames() throws Exception {
        Conversion.Result result = convert("<settings><setting id=\"Account1Enable\" value=\"true\"/>"
                + "<setting id=\" PhoneProgKey6Number\" value=\"1001\" override=\"true\"/><setting id=\"FeatureDndEnable\" define=\"default\"/>"
                + "<setting id=\"Account1Server1Port\" value=\"99999\"/></settings>", Dialect.CFG);
        assertThat(result.text()).isEqualTo("#!version:1.0.0.1\naccount.1.enable = 1\nprogramkey.6.value = 1001\nfeatures.dnd.enable = %NULL%\n");
        assertThat(result.problems()).singleElement().extracting(Problem::message).asString()
                .startsWith("Account1Server1Port -> account.1.sip_server.1.port: '99999' is not");
    }

    @Test
    void aValueTheCanonicalFormCannotWriteIsLeftOutWithAWarning() throws Exception {
        // A Jazzer finding: "user:password" sets the admin password to the text "%NULL%", which a
        // canonical line would turn into a reset (Yealink L2017-2021); it cannot be written, so it is left out.
        Conversion.Result result = convert("#!version:1.0.0.1\nsecurity.user_password = admin:%NULL%\naccount.1.label = Alice\n",
                Dialect.CFG);
        assertThat(result.text()).isEqualTo("#!version:1.0.0.1\naccount.1.label = Alice\n");
        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(2);
            assertThat(problem.message()).startsWith("security.password.admin: a .cfg value cannot hold this text").endsWith("in cfg; left out");
        });
    }

    @Test
    void aRoundTripThroughTheOtherDialectMeansTheSame() throws Exception {
        String cfg = "#!version:1.0.0.1\naccount.2.sip_server.2.address = pbx.example\naccount.2.enable = 1\nlang.gui = German\n"
                + "voice.tone.dial = !250/200, 0/1000\nlocal_time.summer_time = 0\nforward.always.target = 100\n";
        String xml = convert(cfg, Dialect.XML).text();
        String back = Conversion.convert("x", xml.getBytes(StandardCharsets.UTF_8), Dialect.CFG).text();
        StoreFixture first = new StoreFixture();
        StoreFixture second = new StoreFixture();
        first.provision("a.cfg", cfg);
        second.provision("a.cfg", back);
        assertThat(second.store.current().explicitValues().keySet()).isEqualTo(first.store.current().explicitValues().keySet());
        first.store.current().explicitValues().forEach((name, value) ->
                assertThat(second.get(name)).as(name).isEqualTo(value.text()));
    }

    @Test
    void anExportHoldsNoPasswords() {
        // E-34, ALE L14943: "exported config never contains passwords".
        StoreFixture phone = new StoreFixture();
        phone.cfg("account.1.password = alicepw", "account.1.user_name = alice", "auto_provision.server.url = ftp://admin:s3cret@10.0.0.1/",
                "auto_provision.aes_key_16.com = 0123456789abcdef", "account.1.xsi.password = xsipw", "foo.bar = 1");
        phone.store.change(Access.ADMIN, Map.of("security.password.admin", "hunter22", "account.1.label", "Alice"));
        for (Dialect dialect : Dialect.values()) {
            String export = Conversion.export(phone.store.current(), dialect, false);
            assertThat(export).doesNotContain("alicepw", "s3cret", "0123456789abcdef", "xsipw", "hunter22");
            assertThat(export).contains("alice", "10.0.0.1", "Alice", "foo.bar");
        }
        String all = Conversion.export(phone.store.current(), Dialect.CFG, true);
        assertThat(all).contains("local_time.ntp_server1 = cn.pool.ntp.org", "auto_provision.server.url = ftp://admin@10.0.0.1/")
                .doesNotContain("s3cret", "alicepw", "security.password.");
    }

    @Test
    void whatIsNotASettingsFileCannotBeConverted() {
        assertThatThrownBy(() -> convert("<DialNow><Data DialNowRule=\"1\"/></DialNow>", Dialect.CFG))
                .isInstanceOf(FormatException.class).hasMessageContaining("not a configuration file");
    }
}
