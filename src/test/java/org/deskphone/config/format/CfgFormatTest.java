package org.deskphone.config.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deskphone.config.format.Seeds.bytes;

import java.nio.charset.Charset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The .cfg dialect, Yealink digest §2; each rule cites the seed line it comes from. */
class CfgFormatTest {

    private static SettingsFile read(String text) throws FormatException {
        return CfgFormat.read("test.cfg", bytes(text));
    }

    private static String value(SettingsFile file, String key) {
        return file.settings().stream().filter(s -> s.key().equals(key)).reduce((a, b) -> b).orElseThrow().value();
    }

    @Test
    void theHeaderOpensTheFileAndIsNoSetting() throws Exception {
        // L201–203: "#!version:1.0.0.1" is not a comment and must be placed in the first line.
        SettingsFile file = read("#!version:1.0.0.1\naccount.1.enable = 1\n");
        assertThat(file.settings()).containsExactly(new Setting("account.1.enable", "1", 2, false));
        assertThat(file.dialect()).isEqualTo(Dialect.CFG);
    }

    @Test
    void bannerLinesMayPrecedeTheHeaderAsInTheManualsExamples() throws Exception {
        // L208–214: three #### banner lines, then the header (digest §6 A2).
        SettingsFile file = CfgFormat.read("common.cfg", bytes(Seeds.yealink(208, 214) + "lang.gui = English\n"));
        assertThat(file.settings()).extracting(Setting::key).containsExactly("lang.gui");
    }

    @Test
    void aFileWithoutTheHeaderIsRejectedWithItsLine() {
        // E8 (L201–203): a file without the header line is rejected.
        assertThatThrownBy(() -> read("\n\naccount.1.enable = 1\n"))
                .isInstanceOf(FormatException.class)
                .hasMessage("test.cfg:3: error: a .cfg file must start with the header #!version:1.0.0.1 (Yealink L201)");
        assertThatThrownBy(() -> read("")).isInstanceOf(FormatException.class).hasMessageContaining("no header");
    }

    @Test
    void commentsAreLinesStartingWithHashAndOnlyThose() throws Exception {
        // L199 and E9: "#Configure the auto provision mode;" and "##The file header ... ##" are comments.
        SettingsFile file = read("#!version:1.0.0.1\n#Configure the auto provision mode;\n"
                + "##The file header \"#!version:1.0.0.1\" can not be edited or deleted.##\n"
                + "   # indented comment\nauto_provision.mode = 1\n");
        assertThat(file.settings()).extracting(Setting::key).containsExactly("auto_provision.mode");
        assertThat(file.warnings()).isEmpty();
    }

    @Test
    void valuesSplitAtTheFirstEqualsAndKeepEqualsSpacesAndUrls() throws Exception {
        // E11: L8822, L8962, L6832–6834.
        SettingsFile file = read("#!version:1.0.0.1\nldap.base = dc=yealink,dc=cn\nldap.numb_attr = Mobile ipPhone\n"
                + "action_url.log_on = http://192.168.0.20/help.xml?IP=$ip\nldap.name_filter = (|(cn=%)(sn=%))\n");
        assertThat(value(file, "ldap.base")).isEqualTo("dc=yealink,dc=cn");
        assertThat(value(file, "ldap.numb_attr")).isEqualTo("Mobile ipPhone");
        assertThat(value(file, "action_url.log_on")).isEqualTo("http://192.168.0.20/help.xml?IP=$ip");
        assertThat(value(file, "ldap.name_filter")).isEqualTo("(|(cn=%)(sn=%))");
    }

    @Test
    void noSpaceAfterTheEqualsSignIsFine() throws Exception {
        // E12: L808, L14674, L8995.
        SettingsFile file = read("#!version:1.0.0.1\nphone_setting.lcd_logo.text =Yealink\naccount.1.codec.1.enable =1\nldap.display_name =%cn\n");
        assertThat(value(file, "phone_setting.lcd_logo.text")).isEqualTo("Yealink");
        assertThat(value(file, "account.1.codec.1.enable")).isEqualTo("1");
        assertThat(value(file, "ldap.display_name")).isEqualTo("%cn");
    }

    @Test
    void aHashInsideAValueIsData() throws Exception {
        // E13: L3965 and L9702–9706.
        SettingsFile file = read("#!version:1.0.0.1\nautoprovision.1.code = *99\nfeatures.dtmf.transfer = *#1\n");
        assertThat(value(file, "autoprovision.1.code")).isEqualTo("*99");
        assertThat(value(file, "features.dtmf.transfer")).isEqualTo("*#1");
    }

    @Test
    void bothResetTokensAreResets() throws Exception {
        // E10, L2017–2021: "set the value of the parameter to be !NULL! or %NULL%".
        SettingsFile file = read("#!version:1.0.0.1\nlocal_time.ntp_server1 = %NULL%\nlocal_time.ntp_server2 = !NULL!\n");
        assertThat(file.settings()).allMatch(Setting::isReset);
    }

    @Test
    void anEmptyValueIsReadAsEmpty() throws Exception {
        // L232 "network.pppoe.user =  " (blank value); the store decides that blank changes nothing (A7).
        SettingsFile file = read("#!version:1.0.0.1\nnetwork.pppoe.user =  \n");
        assertThat(value(file, "network.pppoe.user")).isEmpty();
    }

    @Test
    void blanksInsideAKeyAreRemoved() throws Exception {
        // L646: "network.primary_ dns=" and L6811 "action_url. setup_completed" (digest §6 A3).
        SettingsFile file = read("#!version:1.0.0.1\nnetwork.primary_ dns= 10.0.0.1\naction_url. setup_completed = http://x/\n");
        assertThat(file.settings()).extracting(Setting::key).containsExactly("network.primary_dns", "action_url.setup_completed");
    }

    @Test
    void linesWithoutEqualsAreWarningsNotErrors() throws Exception {
        // Wrapped comment text lost its '#' in the manual (L224, L279): digest §6 A2, never fail the file.
        SettingsFile file = read("#!version:1.0.0.1\n7-Power on + Weekly;\nauto_provision.mode = 7\n");
        assertThat(value(file, "auto_provision.mode")).isEqualTo("7");
        assertThat(file.warnings()).containsExactly(Problem.warning("test.cfg", 2, "no '=' on this line; ignored"));
    }

    @Test
    void utf8WithOrWithoutBomCrlfOrLf() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = bytes("#!version:1.0.0.1\r\naccount.1.label = Zoë\r\naccount.1.display_name = 東京\r\n");
        byte[] withBom = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, withBom, 0, 3);
        System.arraycopy(text, 0, withBom, 3, text.length);
        for (byte[] content : List.of(text, withBom)) {
            SettingsFile file = CfgFormat.read("utf8.cfg", content);
            assertThat(value(file, "account.1.label")).isEqualTo("Zoë");
            assertThat(value(file, "account.1.display_name")).isEqualTo("東京");
            assertThat(file.warnings()).isEmpty();
        }
    }

    @Test
    void ansiFilesAreReadAsWindows1252WithAWarning() throws Exception {
        // L150–152: firmware 71 reads UTF-8 or ANSI.
        SettingsFile file = CfgFormat.read("ansi.cfg", "#!version:1.0.0.1\naccount.1.label = Zoë\n".getBytes(Charset.forName("windows-1252")));
        assertThat(value(file, "account.1.label")).isEqualTo("Zoë");
        assertThat(file.warnings()).extracting(Problem::message).containsExactly("not valid UTF-8; read as ANSI (Windows-1252)");
    }

    @Test
    void binaryContentIsRejected() {
        assertThatThrownBy(() -> CfgFormat.read("x.cfg", new byte[] {'#', '!', 'v', 'e', 'r', 's', 'i', 'o', 'n', ':', '1', '\n', 'a', '=', 0, '\n'}))
                .isInstanceOf(FormatException.class).hasMessageContaining("x.cfg:2: error: control character U+0000");
    }

    @Test
    void writingReadsBackTheSameSettings() throws Exception {
        List<Setting> settings = List.of(Setting.of("account.1.label", "A = B # C"), Setting.reset("local_time.ntp_server1"),
                Setting.of("network.pppoe.user", ""));
        String text = CfgFormat.write(settings);
        assertThat(text).isEqualTo("#!version:1.0.0.1\naccount.1.label = A = B # C\nlocal_time.ntp_server1 = %NULL%\nnetwork.pppoe.user =\n");
        assertThat(CfgFormat.read("w.cfg", bytes(text)).settings()).extracting(Setting::withoutLine).isEqualTo(settings);
    }

    @Test
    void theWriterRefusesWhatWouldNotReadBack() {
        assertThatThrownBy(() -> CfgFormat.write(List.of(Setting.of("a", " padded ")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CfgFormat.write(List.of(Setting.of("a", "two\nlines")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CfgFormat.write(List.of(Setting.of("a=b", "1")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CfgFormat.write(List.of(Setting.of("a", "%NULL%")))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theManualsCommonAndMacExamplesParse() throws Exception {
        // L208–404, the Common CFG example, and L415–648, the MAC-Oriented example, exactly as extracted.
        assertThat(Seeds.yealink(214, 214).strip()).isEqualTo("#!version:1.0.0.1");
        SettingsFile common = CfgFormat.read("common", bytes(Seeds.yealink(208, 404)));
        assertThat(value(common, "auto_provision.pnp_enable")).isEqualTo("1");
        assertThat(value(common, "lang.gui")).isEqualTo("English");
        assertThat(value(common, "network.PC_port.enable")).isEmpty();
        assertThat(common.settings()).extracting(Setting::key).contains("network.dchp.start_ip", "auto_provision.dhcp_enable",
                "security.user_password");
        assertThat(common.warnings()).allMatch(w -> w.message().equals("no '=' on this line; ignored"));

        SettingsFile mac = CfgFormat.read("mac", bytes(Seeds.yealink(415, 648)));
        assertThat(mac.settings()).extracting(Setting::key).contains("account.6.sip_server.2.port", "network.primary_dns",
                "network.secondary_dns");
        assertThat(mac.settings()).allMatch(s -> s.value().isEmpty());
    }
}
