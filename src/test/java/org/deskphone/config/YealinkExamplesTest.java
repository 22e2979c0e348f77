package org.deskphone.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.deskphone.config.format.DialNowRule;
import org.deskphone.config.format.Problem;
import org.deskphone.config.format.ReplaceRule;
import org.deskphone.config.format.Seeds;
import org.junit.jupiter.api.Test;

/**
 * The .cfg examples of the Yealink digest (§2, §5), applied through the store: each test names its
 * example (E-number) and seed lines and checks the value the manual states.
 */
class YealinkExamplesTest {
    private final StoreFixture phone = new StoreFixture();

    private static boolean skipped(ProvisioningReport report, String name) {
        return report.problems().stream().map(Problem::message).anyMatch(m -> m.startsWith(name + ":") && m.endsWith("skipped"));
    }

    @Test
    void theCommonAndMacExampleFilesApply() {
        // L208–404 and L415–648, verbatim: they set pnp_enable = 1 and lang.gui = English; blank keys change nothing.
        ProvisioningReport report = phone.provision("y000000000000.cfg", Seeds.yealink(208, 404),
                "0015651130F9.cfg", Seeds.yealink(415, 648));
        assertThat(report.allApplied()).isTrue();
        assertThat(phone.get("auto_provision.pnp_enable")).isEqualTo("1");
        assertThat(phone.get("lang.gui")).isEqualTo("English");
        assertThat(phone.store.current().source("lang.gui")).isEqualTo(Source.provisioned("y000000000000.cfg"));
        assertThat(phone.store.current().unknown()).isEmpty();
    }

    @Test
    void e10NullResetsTheNtpServerToItsDefault() {
        // L2017–2021: after local_time.ntp_server1 = %NULL% "the NTP server 1 will be reset to cn.pool.ntp.org".
        phone.cfg("local_time.ntp_server1 = ntp.example.com");
        phone.cfg("local_time.ntp_server1 = %NULL%");
        assertThat(phone.get("local_time.ntp_server1")).isEqualTo("cn.pool.ntp.org");
        phone.cfg("local_time.ntp_server1 = ntp.example.com");
        phone.cfg("local_time.ntp_server1 = !NULL!");
        assertThat(phone.get("local_time.ntp_server1")).isEqualTo("cn.pool.ntp.org");
    }

    @Test
    void e11ToE13ValuesKeepEqualsSpacesAndHashes() {
        // L8822, L8962, L6832–6834, L808, L14674, L8995, L3965, L9702–9706.
        phone.cfg("ldap.base = dc=yealink,dc=cn", "ldap.numb_attr = Mobile ipPhone",
                "action_url.log_on = http://192.168.0.20/help.xml?IP=$ip", "phone_setting.lcd_logo.text =Yealink",
                "account.1.codec.1.enable =1", "ldap.display_name =%cn", "autoprovision.1.code = *99", "features.dtmf.transfer = *#1");
        assertThat(phone.get("ldap.base")).isEqualTo("dc=yealink,dc=cn");
        assertThat(phone.get("ldap.numb_attr")).isEqualTo("Mobile ipPhone");
        assertThat(phone.get("action_url.log_on")).isEqualTo("http://192.168.0.20/help.xml?IP=$ip");
        assertThat(phone.get("phone_setting.lcd_logo.text")).isEqualTo("Yealink");
        assertThat(phone.store.current().bool("account.1.codec.1.enable")).isTrue();
        assertThat(phone.get("ldap.display_name")).isEqualTo("%cn");
        assertThat(phone.get("autoprovision.1.code")).isEqualTo("*99");
        assertThat(phone.get("features.dtmf.transfer")).isEqualTo("*#1");
    }

    @Test
    void e14ABlankValueIsNoChange() {
        phone.cfg("account.1.label = Reception");
        phone.cfg("account.1.label =   ");
        assertThat(phone.get("account.1.label")).isEqualTo("Reception");
    }

    @Test
    void e16ToE19Schedules() {
        // E16 (L3579–3606): default 1440, range 1–43200; E17 (L297, L307); E18 (L3684–3692); E19 (L1493–1495).
        assertThat(phone.get("auto_provision.schedule.periodic_minute")).isEqualTo("1440");
        assertThat(phone.get("auto_provision.schedule.dayofweek")).isEqualTo("0123456");
        ProvisioningReport report = phone.cfg("auto_provision.mode = 5", "auto_provision.schedule.periodic_minute = 0",
                "auto_provision.schedule.time_from = 02:00", "auto_provision.schedule.time_to = 03:00",
                "auto_provision.schedule.dayofweek = 05");
        assertThat(skipped(report, "auto_provision.schedule.periodic_minute")).isTrue();
        phone.cfg("auto_provision.schedule.periodic_minute = 60");
        assertThat(skipped(phone.cfg("auto_provision.schedule.periodic_minute = 43201"), "auto_provision.schedule.periodic_minute")).isTrue();
        assertThat(phone.store.current().integer("auto_provision.schedule.periodic_minute")).isEqualTo(60);
        assertThat(phone.get("auto_provision.mode")).isEqualTo("5");
        assertThat(phone.get("auto_provision.schedule.time_from")).isEqualTo("02:00");
        assertThat(phone.get("auto_provision.schedule.time_to")).isEqualTo("03:00");
        assertThat(phone.get("auto_provision.schedule.dayofweek")).isEqualTo("05");
        phone.cfg("auto_provision.schedule.time_from = 07:45", "auto_provision.schedule.time_to = 19:45");
        assertThat(phone.store.current().time("auto_provision.schedule.time_to")).isEqualTo(java.time.LocalTime.of(19, 45));
        assertThat(skipped(phone.cfg("auto_provision.schedule.dayofweek = 0127"), "auto_provision.schedule.dayofweek")).isTrue();
    }

    @Test
    void e24AProvisioningCode() {
        // L3943–3989.
        phone.cfg("autoprovision.1.code = *99", "autoprovision.1.url = http://srv/");
        assertThat(phone.get("autoprovision.1.url")).isEqualTo("http://srv/");
        assertThat(phone.store.current().parameter("autoprovision.1.url").needsRestart()).isTrue();
    }

    @Test
    void e25ToE30ResourceUrls() {
        // L687–693, L695–699, L731–743, L778–818, L849–865, L892–900, L1026–1032.
        phone.cfg("ringtone.url = tftp://192.168.1.100/Ring9.wav", "ringtone.delete = http://localhost/all",
                "gui_lang.url = tftp://192.168.1.100/lang+English.txt", "lcd_logo.url = tftp://192.168.1.100/logo.dob",
                "phone_setting.lcd_logo.mode = 2", "wallpaper_upload.url = tftp://192.168.1.100/wallpaper.jpg",
                "phone_setting.backgrounds = Config:wallpaper.jpg", "screen_saver.pic.url = tftp://192.168.1.100/screensaver.jpg",
                "local_contact.data.url = tftp://192.168.1.100/contact_list.xml");
        assertThat(phone.get("ringtone.url")).isEqualTo("tftp://192.168.1.100/Ring9.wav");
        assertThat(phone.get("ringtone.delete")).isEqualTo("http://localhost/all");
        assertThat(phone.get("gui_lang.url")).isEqualTo("tftp://192.168.1.100/lang+English.txt");
        assertThat(phone.get("phone_setting.lcd_logo.mode")).isEqualTo("2");
        assertThat(phone.get("phone_setting.backgrounds")).isEqualTo("Config:wallpaper.jpg");
        assertThat(phone.get("local_contact.data.url")).isEqualTo("tftp://192.168.1.100/contact_list.xml");
        // E27 (L10884–10886): the text logo is at most 15 characters.
        assertThat(skipped(phone.cfg("phone_setting.lcd_logo.text = 0123456789abcdef"), "phone_setting.lcd_logo.text")).isTrue();
    }

    @Test
    void e34ToE37DialPlanItems() {
        // E34 (L8605–8609), E35 (L8583–8585), E36 (L8424–8490), E37 (L8520–8569).
        phone.cfg("dialplan.item.1 = 1,2(xx),002$1,0", "dialnow.item.1 = 52[0-6],1", "dialplan.area_code.code = 0592",
                "dialplan.area_code.min_len = 7", "dialplan.area_code.max_len = 8", "dialplan.block_out.number.1 = 1900",
                "dialplan.block_out.line_id.1 = 1");
        assertThat(ReplaceRule.fromItem(phone.get("dialplan.item.1"))).isEqualTo(new ReplaceRule(true, "2(xx)", "002$1", java.util.List.of()));
        assertThat(DialNowRule.fromItem(phone.get("dialnow.item.1"))).isEqualTo(new DialNowRule("52[0-6]", java.util.List.of(1)));
        assertThat(phone.get("dialplan.area_code.code")).isEqualTo("0592");
        assertThat(phone.store.current().integer("dialplan.area_code.min_len")).isEqualTo(7);
        assertThat(phone.get("dialplan.block_out.number.1")).isEqualTo("1900");
        assertThat(phone.store.current().list("dialplan.block_out.line_id.1")).containsExactly("1");
    }

    @Test
    void e38ToE41AccountAndCodec() {
        // E38 (L12067–12069): 30 is stored as written (the SIP layer treats 1–59 as 60); E39 (L11875–11877);
        // E40 (L14674–14771); E41 (L14632–14642, L10793–10795).
        phone.cfg("account.1.sip_server.1.failback_timeout = 30", "account.1.sip_server.1.address = 10.2.1.128",
                "account.1.codec.1.enable =1", "account.1.codec.1.payload_type = PCMU", "account.1.codec.1.priority =1",
                "account.1.codec.1.rtpmap = 0", "account.1.ringtone.ring_type = Ring3.wav");
        assertThat(phone.get("account.1.sip_server.1.failback_timeout")).isEqualTo("30");
        assertThat(phone.store.current().parameter("account.2.sip_server.1.failback_timeout").defaultValue()).isEqualTo("3600");
        assertThat(phone.get("account.1.sip_server.1.address")).isEqualTo("10.2.1.128");
        assertThat(phone.store.current().integer("account.1.sip_server.1.port")).isEqualTo(5060);
        assertThat(phone.get("account.1.codec.1.payload_type")).isEqualTo("PCMU");
        assertThat(phone.store.current().integer("account.1.codec.1.priority")).isEqualTo(1);
        assertThat(phone.store.current().integer("account.1.codec.1.rtpmap")).isZero();
        assertThat(phone.get("account.1.ringtone.ring_type")).isEqualTo("Ring3.wav");
        assertThat(phone.get("account.2.ringtone.ring_type")).isEqualTo("Common");
        assertThat(phone.get("phone_setting.ring_type")).isEqualTo("Ring1.wav");
    }

    @Test
    void e42ToE50FeatureValues() {
        // E42 L6811–6813, E43 L8402–8414, E44 L3374–3388, E45 L4848–4890, E46 L8168–8170, E47 L10597–10599,
        // E48 L8710–8995, E49 L10016–10028, E50 L6635–6639.
        phone.cfg("action_url.setup_completed = http://192.168.0.20/help.xml?IP=$ip", "features.action_uri_limit_ip = any",
                "network.snmp.trust_ip = 0.0.0.0", "voice.tone.dial = !250/200, 0/1000, 200+300/500, 600+700+800+1000/2000",
                "distinctive_ring_tones.alert_info.1.text = Family", "distinctive_ring_tones.alert_info.1.ringer = 3",
                "multicast.listen_address.1.ip_address = 224.5.6.20:10008", "ldap.name_filter = (|(cn=%)(sn=%))",
                "ldap.number_filter = (|(telephoneNumber=%)(mobile=%)(ipPhone=%))", "ldap.name_attr =sn cn",
                "features.redial_tone = 125", "forward.no_answer.timeout = 2");
        assertThat(phone.get("action_url.setup_completed")).isEqualTo("http://192.168.0.20/help.xml?IP=$ip");
        assertThat(phone.get("features.action_uri_limit_ip")).isEqualTo("any");
        assertThat(phone.store.current().list("network.snmp.trust_ip")).containsExactly("0.0.0.0");
        assertThat(phone.get("voice.tone.dial")).isEqualTo("!250/200, 0/1000, 200+300/500, 600+700+800+1000/2000");
        assertThat(phone.store.current().integer("distinctive_ring_tones.alert_info.1.ringer")).isEqualTo(3);
        assertThat(phone.get("multicast.listen_address.1.ip_address")).isEqualTo("224.5.6.20:10008");
        assertThat(phone.get("ldap.number_filter")).isEqualTo("(|(telephoneNumber=%)(mobile=%)(ipPhone=%))");
        assertThat(phone.get("ldap.name_attr")).isEqualTo("sn cn");
        assertThat(phone.get("features.redial_tone")).isEqualTo("125");
        assertThat(phone.store.current().integer("forward.no_answer.timeout")).isEqualTo(2);
        // E48: a display name not starting with % is invalid.
        assertThat(skipped(phone.cfg("ldap.display_name = cn"), "ldap.display_name")).isTrue();
    }

    @Test
    void e52AesKeys() {
        // L653–655.
        phone.cfg("auto_provision.aes_key_16.com = 0123456789abcdef");
        assertThat(phone.get("auto_provision.aes_key_16.com")).isEqualTo("0123456789abcdef");
        assertThat(skipped(phone.cfg("auto_provision.aes_key_16.com = 0123456789abcde"), "auto_provision.aes_key_16.com")).isTrue();
        assertThat(skipped(phone.cfg("auto_provision.aes_key_16.mac = 0123456789abcde!"), "auto_provision.aes_key_16.mac")).isTrue();
    }

    @Test
    void e53ToE57NetworkLockBacklightDate() {
        // E53 L2885–2907, E54 L11129, E55 L10700–10773, E56 L10938–10958, E57 L7856–7880.
        assertThat(phone.get("network.vlan.dhcp_option")).isEqualTo("132");
        assertThat(phone.store.current().list("phone_setting.emergency.number")).containsExactly("112", "911", "110");
        assertThat(phone.get("phone_setting.phone_lock.unlock_pin")).isEqualTo("123");
        assertThat(phone.get("phone_setting.backlight_time")).isEqualTo("30");
        phone.cfg("network.vlan.dhcp_option = 132,133", "phone_setting.lock = 3", "phone_setting.phone_lock.lock_time_out = 0",
                "local_time.date_format = 2");
        assertThat(phone.store.current().list("network.vlan.dhcp_option")).containsExactly("132", "133");
        assertThat(skipped(phone.cfg("network.vlan.dhcp_option = 128,129,130,131,132,133"), "network.vlan.dhcp_option")).isTrue();
        assertThat(phone.get("phone_setting.lock")).isEqualTo("3");
        assertThat(phone.get("local_time.date_format")).isEqualTo("2");
        assertThat(skipped(phone.cfg("phone_setting.backlight_time = 45"), "phone_setting.backlight_time")).isTrue();
    }

    @Test
    void e58ToE61Keys() {
        // E58 L5624–5632; E59 L5724, L5950; E60 L8637–8680; E61 L3930–3961.
        assertThat(phone.get("memorykey.1.type")).isEqualTo("0");
        assertThat(phone.get("linekey.1.type")).isEqualTo("15");
        phone.cfg("linekey.2.type = 16", "linekey.2.value = 2001", "linekey.2.line = 1", "linekey.2.pickup_value = *97",
                "linekey.3.line = 0");
        assertThat(phone.get("linekey.2.type")).isEqualTo("16");
        assertThat(phone.get("linekey.2.pickup_value")).isEqualTo("*97");
        assertThat(phone.get("linekey.3.line")).isEqualTo("0");
        assertThat(skipped(phone.cfg("remote_phonebook.data.1.url = http://a/" + "x".repeat(503)), "remote_phonebook.data.1.url")).isTrue();
        assertThat(skipped(phone.cfg("remote_phonebook.data.1.name = " + "n".repeat(100)), "remote_phonebook.data.1.name")).isTrue();
        assertThat(skipped(phone.cfg("autoprovision.1.code = " + "1".repeat(101)), "autoprovision.1.code")).isTrue();
    }

    @Test
    void e51ThePasswordLinesOfTheCommonExample() {
        // L400–404 ("user name:new password") and L5425–5427.
        phone.cfg("security.user_password = admin:newpass", "security.user_password = user:abc");
        assertThat(phone.get("security.password.admin")).isEqualTo("newpass");
        assertThat(phone.get("security.password.user")).isEqualTo("abc");
    }
}
