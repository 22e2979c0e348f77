package org.deskphone.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.deskphone.config.format.Dialect;
import org.junit.jupiter.api.Test;

/** The catalogue as data: complete for the areas the issue names, consistent, and its synonyms resolve. */
class CatalogueTest {
    private final Catalogue catalogue = Catalogue.builtIn();

    private String cfg(String key) {
        return catalogue.lookup(Dialect.CFG, key).map(Parameter::name).orElse(null);
    }

    private String xml(String id) {
        return catalogue.lookup(Dialect.XML, id).map(Parameter::name).orElse(null);
    }

    @Test
    void everyAreaHasBothSeedsParameters() {
        // area → a Yealink key and an ALE id it must know.
        Map<String, List<String>> areas = Map.ofEntries(
                Map.entry("network", List.of("network.internet_port.type", "DeviceNetworkIpAddress")),
                Map.entry("provisioning", List.of("auto_provision.server.url", "DeviceProvisionServerUrl")),
                Map.entry("accounts", List.of("account.2.sip_server.1.address", "Account2Server1Address")),
                Map.entry("codecs", List.of("account.1.codec.3.payload_type", "Account1AudioCodec")),
                Map.entry("dtmf", List.of("account.1.dtmf.type", "Account1DtmfMode")),
                Map.entry("srtp-tls", List.of("account.1.srtp_encryption", "SIPTlsVersion")),
                Map.entry("nat", List.of("account.1.nat.stun_server", "Account1RportEnable")),
                Map.entry("dialplan", List.of("dialplan.item.100", "DigitMap")),
                Map.entry("features", List.of("forward.always.enable", "FeatureDndEnable")),
                Map.entry("keys", List.of("linekey.1.type", "ProgramKey36Type")),
                Map.entry("web-security", List.of("wui.https_enable", "DeviceSecurityAdminPwd")),
                Map.entry("time", List.of("local_time.ntp_server1", "SettingSntpServer")),
                Map.entry("logging", List.of("syslog.server", "DeviceSyslogRemoteServerAddr")),
                Map.entry("tones", List.of("voice.tone.dial", "SettingDialTone")));
        areas.forEach((area, names) -> {
            assertThat(cfg(names.get(0))).as(area + " (Yealink)").isEqualTo(names.get(0));
            assertThat(xml(names.get(1))).as(area + " (ALE)").isNotNull();
        });
        assertThat(catalogue.families()).isGreaterThan(900);
        Set<String> sections = catalogue.all().map(Parameter::section).collect(Collectors.toSet());
        assertThat(sections).contains("network", "provisioning", "account", "codec", "dtmf", "security", "nat", "dialplan",
                "features", "keys", "time", "logging", "voice");
    }

    @Test
    void olderAndVariantSpellingsResolve() {
        assertThat(cfg("account.1.sip_server_host")).isEqualTo("account.1.sip_server.1.address");
        assertThat(cfg("account.1.sip_server_port")).isEqualTo("account.1.sip_server.1.port");
        assertThat(cfg("account.4.outbound_host")).isEqualTo("account.4.outbound_proxy.1.address");
        assertThat(cfg("account.4.backup_outbound_port")).isEqualTo("account.4.outbound_proxy.2.port");
        assertThat(cfg("static.network.vlan.internet_port_enable")).isEqualTo("network.vlan.internet_port_enable");
        // Digest §6 A3: L240, L260–262, L337.
        assertThat(cfg("network.PC_port.enable")).isEqualTo("network.pc_port.enable");
        assertThat(cfg("network.dchp.start_ip")).isEqualTo("network.dhcp.start_ip");
        assertThat(cfg("auto_provision.dhcp_enable")).isEqualTo("auto_provision.dhcp_option.enable");
        // ALE digest §11: PhoneProgKey examples, ids with blanks, misspellings.
        assertThat(xml("PhoneProgKey6Number")).isEqualTo("programkey.6.value");
        assertThat(xml("Feature Reset By Long Press Enable")).isEqualTo("features.reset_by_long_press");
        assertThat(xml("FeaturedDndMethod")).isEqualTo("features.dnd.method");
        assertThat(xml("account2enable")).isEqualTo("account.2.enable");
        assertThat(xml("DeviceWifi38021xIdentity")).isEqualTo("wifi.3.eap_identity");
        assertThat(xml("DynamicKeyVolUpLabel")).isEqualTo("dynamickey.volup.label");
        assertThat(xml("account.1.label")).as("canonical names read in XML too").isEqualTo("account.1.label");
        assertThat(cfg("Account1Label")).as("ALE ids are not .cfg keys").isNull();
    }

    @Test
    void indexedFamiliesHaveTheirRanges() {
        assertThat(cfg("account.20.enable")).isEqualTo("account.20.enable");
        assertThat(cfg("account.21.enable")).isNull();
        assertThat(cfg("account.0.enable")).isNull();
        assertThat(cfg("account.1.sip_server.3.address")).isNull();
        assertThat(cfg("dialplan.block_out.number.10")).isNotNull();
        assertThat(cfg("dialplan.block_out.number.11")).isNull();
        assertThat(cfg("autoprovision.50.code")).isNotNull();
        assertThat(cfg("expansion_module.6.key.40.type")).isNotNull();
        assertThat(xml("Aom6ProgKey200Type")).isEqualTo("aom.6.key.200.type");
        assertThat(catalogue.parameter("linekey.6.type").defaultValue()).as("L5950: line keys 1-6 default to Line").isEqualTo("15");
        assertThat(catalogue.parameter("linekey.7.type").defaultValue()).isEqualTo("0");
    }

    @Test
    void everyNameResolvesBackToItsParameter() {
        catalogue.all().forEach(parameter -> {
            assertThat(cfg(parameter.name())).isEqualTo(parameter.name());
            if (parameter.xmlId() != null) {
                assertThat(xml(parameter.xmlId())).as(parameter.xmlId()).isEqualTo(parameter.name());
            }
        });
    }

    @Test
    void secretsAreMarkedSecret() {
        Set<String> notSecret = Set.of("features.password_dial.prefix");
        List<String> leaks = catalogue.all()
                .filter(p -> Conversion.looksSecret(p.name()) && !p.isSecret() && !notSecret.contains(p.name()))
                .filter(p -> p.type().kind() != ValueType.Kind.BOOL && p.type().kind() != ValueType.Kind.INT)
                .map(Parameter::name).distinct().limit(10).toList();
        assertThat(leaks).isEmpty();
        assertThat(catalogue.parameter("account.1.password").isSecret()).isTrue();
        assertThat(catalogue.parameter("auto_provision.aes_key_16.com").isSecret()).isTrue();
        assertThat(catalogue.parameter("phone_setting.phone_lock.unlock_pin").isSecret()).isTrue();
    }

    @Test
    void restartFlagsFollowTheManual() {
        // "It takes effect after reboot" (R in the digest tables) versus live settings.
        assertThat(catalogue.parameter("network.vlan.internet_port_vid").needsRestart()).isTrue();
        assertThat(catalogue.parameter("network.internet_port.type").needsRestart()).isTrue();
        assertThat(catalogue.parameter("autoprovision.1.url").needsRestart()).isTrue();
        assertThat(catalogue.parameter("account.1.label").needsRestart()).isFalse();
        assertThat(catalogue.parameter("auto_provision.mode").needsRestart()).isFalse();
    }

    @Test
    void unknownNamesAreProgrammingErrors() {
        assertThatThrownBy(() -> catalogue.parameter("account.1.labl")).hasMessage("no parameter named 'account.1.labl'");
        assertThat(catalogue.find("Account1Label")).isEmpty();
        assertThat(catalogue.find("account.1.label")).isPresent();
    }
}
