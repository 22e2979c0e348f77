package org.deskphone.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.deskphone.config.Catalogue;
import org.deskphone.config.ProvisioningReport;
import org.deskphone.config.format.Dialect;
import org.deskphone.config.format.Problem;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.loop.VirtualClock;
import org.deskphone.testing.PhoneConfig;
import org.junit.jupiter.api.Test;

/**
 * The provisioning settings as the store gives them: both dialects' names for one setting, the defaults,
 * and what becomes of a value out of range.
 */
class ProvisioningSettingsTest {
    private final PhoneConfig config = new PhoneConfig();

    @Test
    void defaultsFromBothManuals() {
        ProvisioningSettings settings = read();
        assertThat(settings.serverUrl()).isEmpty();
        assertThat(settings.dhcp()).isTrue();                                  // Yealink L3766, ALE L2444
        assertThat(settings.pnp()).isTrue();                                   // Yealink L3543, ALE L2413
        assertThat(settings.pnpPort()).isEqualTo(5082);                        // ALE L2427
        assertThat(settings.vendorClass()).isEqualTo("yealink");               // Yealink L3792-3806
        assertThat(ProvisioningSettings.aleVendorClass(config.current())).isEqualTo("aledevice"); // ALE L552
        assertThat(settings.aleFiles()).containsExactly("config.xml", "config.$model.xml", "config.$mac.xml"); // ALE L2175-2196
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10)); // ALE L2235-2245
        assertThat(settings.attemptTimeout()).isEqualTo(Duration.ofSeconds(20)); // ALE L2252-2262
        assertThat(settings.immediateUpdateTimes()).isZero();                  // ALE L2293
        assertThat(settings.verifyServer()).isTrue();                          // ALE L3545, Yealink L5279
    }

    @Test
    void eitherDialectSetsTheServer() {
        config.cfg("auto_provision.server.url = tftp://192.168.1.100/", "auto_provision.server.username = admin",
                "auto_provision.server.password = 123456");
        assertThat(read().serverUrl()).contains("tftp://192.168.1.100/");
        assertThat(read().credentials()).isEqualTo(new Credentials("admin", "123456"));
        config.xml("DeviceProvisionServerUrl", "https://dm.example/", "DeviceProvisionBackupServerUrl", "https://backup.example/");
        assertThat(read().serverUrl()).as("the later file wins").contains("https://dm.example/");
        assertThat(read().backupUrl()).contains("https://backup.example/");
        assertThat(read().toString()).doesNotContain("123456");
    }

    @Test
    void switchesOffInEitherDialectTurnThingsOff() {
        config.cfg("auto_provision.dhcp_enable = 0"); // the example's spelling, Yealink L335-337
        assertThat(read().dhcp()).isFalse();
        config.cfg("auto_provision.dhcp_option.enable = 1");
        assertThat(read().dhcp()).isTrue();
        config.xml("DeviceProvisionDHCPEnable", "false");
        assertThat(read().dhcp()).isFalse();
        config.xml("DeviceSecurityHttpsPeerVerifyEnable", "0");
        assertThat(read().verifyServer()).isFalse();
        config.xml("DeviceSecurityHttpsPeerVerifyEnable", "1");
        config.cfg("security.trust_certificates = 0");
        assertThat(read().verifyServer()).isFalse();
    }

    @Test
    void customOptionsInEitherDialectAreOneSetting() { // Yealink L3814, ALE L2458-2489
        config.cfg("auto_provision.dhcp_option.list_user_options = 128");
        assertThat(read().customOptions()).containsExactly(128);
        config.xml("DeviceProvisionDHCPCustomOption", "160;128", "DeviceProvisionDHCPCustomOptionIPv6", "135;143;2000");
        ProvisioningSettings settings = read();
        assertThat(settings.customOptions()).as("the ALE file came later").containsExactly(160, 128);
        assertThat(settings.customOptionsV6()).as("135-65535 except 143, ALE L2483").containsExactly(135, 2000);
        ProvisioningReport outOfRange = config.xml("DeviceProvisionDHCPCustomOption", "160;300");
        assertThat(outOfRange.problems()).extracting(Problem::message).anyMatch(m -> m.contains("'160;300'"));
        assertThat(read().customOptions()).as("the last good value stays").containsExactly(160, 128);
    }

    @Test
    void outOfRangeValuesAreSkippedByTheStoreAndNamed() {
        ProvisioningReport report = config.xml("DeviceNetworkConnectExpiredTime", "21", "DeviceProvisionAttemptExpiredTime", "0",
                "DeviceProvisionImmediateUpdateTimes", "twenty", "DeviceProvisionPnPEnable", "maybe");
        ProvisioningSettings settings = read();
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.attemptTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(settings.immediateUpdateTimes()).isZero();
        assertThat(settings.pnp()).isTrue();
        assertThat(report.problems()).extracting(Problem::message).hasSize(4)
                .anyMatch(m -> m.startsWith("DeviceNetworkConnectExpiredTime -> auto_provision.connect_timeout"))
                .anyMatch(m -> m.startsWith("DeviceProvisionAttemptExpiredTime -> auto_provision.attempt_timeout"))
                .anyMatch(m -> m.startsWith("DeviceProvisionImmediateUpdateTimes -> auto_provision.immediate_update_times"))
                .anyMatch(m -> m.startsWith("DeviceProvisionPnPEnable -> auto_provision.pnp_enable"))
                .allMatch(m -> m.endsWith("skipped"));
    }

    @Test
    void everySettingReadIsInTheCatalogueUnderItsCanonicalName() throws Exception {
        List<String> names = new ArrayList<>();
        for (Field field : ProvisioningSettings.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class && Modifier.isPublic(field.getModifiers())) {
                names.add((String) field.get(null));
            }
        }
        assertThat(names).hasSizeGreaterThan(35).doesNotHaveDuplicates()
                .allSatisfy(name -> assertThat(Catalogue.builtIn().find(name)).as(name).isPresent());
    }

    @Test
    void everyResourceSettingIsInTheCatalogueInItsDialect() {
        for (ResourceSetting setting : ResourceSetting.ALL) {
            assertThat(Catalogue.builtIn().lookup(setting.dialect(), setting.name())).as(setting.name()).isPresent();
        }
        for (ResourceSetting setting : ResourceSetting.DELETIONS) {
            assertThat(Catalogue.builtIn().lookup(setting.dialect(), setting.name())).as(setting.name()).isPresent();
        }
        assertThat(ResourceSetting.ALL).filteredOn(s -> s.dialect() == Dialect.XML).isNotEmpty();
    }

    private ProvisioningSettings read() {
        return ProvisioningSettings.read(config.current());
    }
}
