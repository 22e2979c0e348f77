package org.deskphone.config.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deskphone.config.format.Seeds.bytes;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The config.xml dialect, ALE digest §3.2; the examples are read straight from the manual. */
class XmlFormatTest {

    @Test
    void thePermissionFileExampleReadsWithOverrideKept() throws Exception {
        // L2967–2979, verbatim from the seed.
        SettingsFile file = XmlFormat.read("UserAccessPermission.xml", bytes(Seeds.ale(2967, 2979)));
        assertThat(file.settings()).hasSize(10);
        assertThat(file.settings().get(0)).isEqualTo(new Setting("WBMFeaturegeneral", "0", 3, true));
        assertThat(file.settings().get(9)).isEqualTo(new Setting("WBMFeatureActionUrl", "2", 12, true));
        assertThat(file.warnings()).isEmpty();
    }

    @Test
    void thePhoneMenuPermissionExampleReads() throws Exception {
        // L3000–3006.
        SettingsFile file = XmlFormat.read("mmi.xml", bytes(Seeds.ale(3000, 3006)));
        assertThat(file.settings()).extracting(Setting::key, Setting::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("MMIFeatureForward", "0"),
                org.assertj.core.groups.Tuple.tuple("MMIFeatureAlwaysForward", "0"),
                org.assertj.core.groups.Tuple.tuple("MMIFeatureBusyForward", "1"),
                org.assertj.core.groups.Tuple.tuple("MMIFeatureNoAnswerForward", "2"));
    }

    @Test
    void defineDefaultIsAReset() throws Exception {
        // L2306–2320: <setting id="FeatureDndEnable" define="default" />.
        String change = Seeds.ale(2317, 2317).strip();
        assertThat(change).isEqualTo("<setting id=\"FeatureDndEnable\" define=\"default\" />");
        SettingsFile file = XmlFormat.read("c.xml", bytes("<settings>" + change + "</settings>"));
        assertThat(file.settings()).containsExactly(new Setting("FeatureDndEnable", null, 1, false));
    }

    @Test
    void idsAreTrimmedAndAttributesComeInAnyOrder() throws Exception {
        // L6549–6553 (" PhoneProgKey4Type", " PhoneProgKey4Label ") and L13535–13538 (value before id).
        SettingsFile recall = XmlFormat.read("recall.xml", bytes(Seeds.ale(6549, 6553)));
        assertThat(recall.settings()).extracting(Setting::key, Setting::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("PhoneProgKey4Type", "18"),
                org.assertj.core.groups.Tuple.tuple("PhoneProgKey4Label", "Recall"));
        SettingsFile softkeys = XmlFormat.read("softkeys.xml", bytes("<settings>" + Seeds.ale(13535, 13538) + "</settings>"));
        assertThat(softkeys.settings()).extracting(Setting::key, Setting::value, Setting::override).containsExactly(
                org.assertj.core.groups.Tuple.tuple("SettingCustomSoftkeyEnable", "true", true),
                org.assertj.core.groups.Tuple.tuple("SettingCustomSoftkeyTalkingUrl", "http://10.11.5.140/Talking.xml", true));
    }

    @Test
    void entitiesInValuesAreDecoded() throws Exception {
        // L3911–3915: the LdapFieldsMapping default is written with &quot;.
        SettingsFile file = XmlFormat.read("ldap.xml", bytes("<settings><setting id=\"LdapFieldsMapping\" value=\"{&quot;firstname&quot;:&quot;givenname&quot;, &quot;name&quot;:&quot;sn&quot;}\"/></settings>"));
        assertThat(file.settings().get(0).value()).isEqualTo("{\"firstname\":\"givenname\", \"name\":\"sn\"}");
    }

    @Test
    void blankLinesBeforeTheDeclarationAreForgiven() throws Exception {
        SettingsFile file = XmlFormat.read("t.xml", bytes("\n\n<?xml version=\"1.0\"?>\n<settings>\n<setting id=\"a\" value=\"1\"/></settings>"));
        assertThat(file.settings()).containsExactly(new Setting("a", "1", 5, false));
    }

    @Test
    void brokenSettingsAreSkippedWithWarnings() throws Exception {
        SettingsFile file = XmlFormat.read("t.xml", bytes("<settings>\n<setting value=\"1\"/>\n<setting id=\"b\"/>\n"
                + "<setting id=\"c\" define=\"factory\"/>\n<item id=\"d\" value=\"1\"/>\n<setting id=\"e\" value=\"2\" override=\"maybe\" colour=\"red\"/>\n</settings>"));
        assertThat(file.settings()).containsExactly(new Setting("e", "2", 6, false));
        assertThat(file.warnings()).extracting(Problem::line).containsExactly(2, 3, 4, 5, 6, 6);
    }

    @Test
    void malformedXmlIsAnErrorWithItsLine() {
        assertThatThrownBy(() -> XmlFormat.read("bad.xml", bytes("<settings>\n<setting id=\"a\" value=\"1\">\n</settings>")))
                .isInstanceOf(FormatException.class).hasMessageStartingWith("bad.xml:3: error: not well-formed XML");
        assertThatThrownBy(() -> XmlFormat.read("html.xml", bytes("<html><body>404</body></html>")))
                .isInstanceOf(FormatException.class).hasMessage("html.xml:1: error: the root element is <html>, not <settings>");
    }

    @Test
    void writingReadsBackTheSameSettings() throws Exception {
        List<Setting> settings = List.of(new Setting("LdapFilter", "(|(givenName=*%1*)(sn=*%1*)) & <x> \"q\"\tt", 0, true),
                Setting.reset("FeatureDndEnable"), Setting.of("Account1Label", ""), Setting.of("Emoji", "☎ \uD83D\uDCDE"));
        String text = XmlFormat.write(settings);
        assertThat(XmlFormat.read("w.xml", bytes(text)).settings()).extracting(Setting::withoutLine).isEqualTo(settings);
        assertThatThrownBy(() -> XmlFormat.write(List.of(Setting.of("a", "bell\u0007")))).isInstanceOf(IllegalArgumentException.class);
    }
}
