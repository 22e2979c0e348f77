package org.deskphone.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.deskphone.config.format.Problem;
import org.deskphone.config.format.Seeds;
import org.junit.jupiter.api.Test;

/** The config.xml examples of the ALE digest (§3, §10), applied through the store. */
class AleExamplesTest {
    private final StoreFixture phone = new StoreFixture();

    @Test
    void e25DefineDefaultRestoresFeatureDndEnable() {
        // L2306–2320: Original <setting id="FeatureDndEnable" value="true" />, then define="default".
        phone.xml(Seeds.ale(2313, 2313));
        assertThat(phone.store.current().bool("features.dnd.enable")).isTrue();
        phone.xml(Seeds.ale(2317, 2317));
        assertThat(phone.store.current().bool("features.dnd.enable")).isFalse();
        assertThat(phone.store.current().source("features.dnd.enable")).isEqualTo(Source.FACTORY);
    }

    @Test
    void e86TheContactUrlExampleSpanningTwoLines() {
        // L3823–3824.
        ProvisioningReport report = phone.xml(Seeds.ale(3823, 3824));
        assertThat(report.problems()).isEmpty();
        assertThat(phone.get("local_contact.data.url")).isEqualTo("http://192.168.10.25/directory.xml");
    }

    @Test
    void k01AndK02TheProgrammableKeyExamples() {
        // L6549–6553 (Recall key, ids with blanks) and L6564–6571 (Speed Dial key written PhoneProgKey6Number).
        phone.provision("recall.xml", Seeds.ale(6549, 6553));
        assertThat(phone.get("programkey.4.type")).isEqualTo("18");
        assertThat(phone.get("programkey.4.label")).isEqualTo("Recall");
        phone.provision("speed.xml", Seeds.ale(6564, 6571));
        assertThat(phone.get("programkey.6.type")).isEqualTo("1");
        assertThat(phone.get("programkey.6.account")).isEqualTo("1");
        assertThat(phone.get("programkey.6.value")).isEqualTo("1001");
        assertThat(phone.get("programkey.6.label")).isEqualTo("Allen");
    }

    @Test
    void k03ToK05KeysAndSoftkeys() {
        // K-03 L14611–14613, K-04 L11849–11866, K-05 L13535–13538.
        phone.xml("<setting id=\"ProgramKey5Type\" value=\"69\"/><setting id=\"ProgramKey5Label\" value=\"Hoteling\"/>"
                + "<setting id=\"ProgramKey1Type\" value=\"1\"/><setting id=\"ProgramKey1Value\" value=\"1001,123#\"/>" + Seeds.ale(13535, 13538));
        assertThat(phone.get("programkey.5.type")).isEqualTo("69");
        assertThat(phone.get("programkey.1.value")).isEqualTo("1001,123#");
        assertThat(phone.store.current().bool("phone_setting.custom_softkey_enable")).isTrue();
        assertThat(phone.get("custom_softkey_talking.url")).isEqualTo("http://10.11.5.140/Talking.xml");
    }

    @Test
    void thePermissionFilesItemsAreKeptAsUnknownKeys() {
        // L2967–2979 and L3000–3006: WBM*/MMI* items belong to the permission file, not to the configuration.
        ProvisioningReport report = phone.provision("UserAccessPermission.xml", Seeds.ale(2967, 2979));
        assertThat(report.allApplied()).isTrue();
        assertThat(phone.store.current().unknown()).containsKey("WBMFeatureAcd");
        assertThat(Permission.parse(phone.store.current().unknown().get("WBMFeatureAcd").text()).canRead(Access.VAR)).isFalse();
        assertThat(Permission.parse(phone.store.current().unknown().get("WBMFeatureMulticast").text()).canWrite(Access.VAR)).isTrue();
    }

    @Test
    void accountEnableTrueMeansEnabledAndServerSettings() {
        // ALE digest §11 A-1 (L5552–5560); E-78 (L5933–5935) Server1Port 5070; E-80 (L5778) proportion 50.
        phone.xml("<setting id=\"Account1Enable\" value=\"true\"/><setting id=\"Account1Server1Address\" value=\"pbx.example.com\"/>"
                + "<setting id=\"Account1Server1Port\" value=\"5070\"/><setting id=\"Account1Server1Transport\" value=\"3\"/>");
        assertThat(phone.store.current().bool("account.1.enable")).isTrue();
        assertThat(phone.get("account.1.sip_server.1.address")).isEqualTo("pbx.example.com");
        assertThat(phone.store.current().integer("account.1.sip_server.1.port")).isEqualTo(5070);
        assertThat(phone.get("account.1.transport")).isEqualTo("3");
        assertThat(phone.get("account.1.register_renewal_proportion")).isEqualTo("50");
    }

    @Test
    void e48PasswordLengthsAreChecked() {
        // L2792–2822: admin 4–32 characters, user 3–32.
        ProvisioningReport report = phone.xml("<setting id=\"DeviceSecurityAdminPwd\" value=\"123\"/><setting id=\"DeviceSecurityUserPwd\" value=\"ab\"/>");
        assertThat(report.problems()).extracting(Problem::message).containsExactly(
                "DeviceSecurityAdminPwd -> security.password.admin: the value is not a password of 4 to 32 characters; skipped",
                "DeviceSecurityUserPwd -> security.password.user: the value is not a password of 3 to 32 characters; skipped");
        assertThat(phone.get("security.password.admin")).isEqualTo("123456");
    }

    @Test
    void tonesDtmfTimeAndCodecs() {
        // E-68 L4831–4833, E-75 L5417–5427, K-09 L11451, K-10 L11468, E-72 L5024 (default codec order), E-33 L14973.
        phone.xml("<setting id=\"SettingCountryTone\" value=\"99\"/><setting id=\"SettingDialTone\" value=\"200/1000; 0/1000; 200+2000/1000\"/>"
                + "<setting id=\"SettingDtmfDuration\" value=\"4\"/><setting id=\"SettingTimeFormat\" value=\"1\"/>"
                + "<setting id=\"SettingDateFormat\" value=\"2\"/><setting id=\"DeviceConfigUploadUrl\" value=\"10.0.0.5/cfg/\"/>");
        assertThat(phone.get("voice.tone.dial")).isEqualTo("200/1000; 0/1000; 200+2000/1000");
        assertThat(phone.get("voice.tone.country_code")).isEqualTo("99");
        assertThat(phone.get("voice.dtmf.duration")).isEqualTo("4");
        assertThat(phone.get("local_time.time_format")).isEqualTo("1");
        assertThat(phone.get("local_time.date_format")).isEqualTo("2");
        assertThat(phone.store.current().list("account.1.audio_codecs")).containsExactly("0", "8", "18", "9", "98");
        assertThat(phone.get("device.config_upload.url")).isEqualTo("10.0.0.5/cfg/");
    }

    @Test
    void c20PagingAddressesMustBeMulticast() {
        // L8825–8838: 224.5.6.20:10008 is valid, 192.168.1.1:5000 is not.
        ProvisioningReport report = phone.xml("<setting id=\"MulticastPagingAddress1\" value=\"224.5.6.20:10008\"/>"
                + "<setting id=\"MulticastPagingAddress2\" value=\"192.168.1.1:5000\"/>");
        assertThat(phone.get("multicast.paging_address.1.ip_address")).isEqualTo("224.5.6.20:10008");
        assertThat(report.problems()).singleElement().extracting(Problem::message).asString().startsWith("MulticastPagingAddress2 -> ");
    }

    @Test
    void e22AStoredServerUrlAndTheDigitMapDefault() {
        // L2274–2277; L6290 (the documented default, byte-exact, §11 A-10).
        phone.xml("<setting id=\"DeviceProvisionServerUrl\" value=\"https://url1.example/\"/>");
        assertThat(phone.get("auto_provision.server.url")).isEqualTo("https://url1.example/");
        assertThat(phone.get("dialplan.digit_map.map")).isEqualTo("[2-9]11;0T;+011xxx.T;0[2-9]xxxxxxxxx;+1[2-9]xxxxxxxx;[2-9]xxxxxxxxx;[2-9]xxxT");
    }
}
