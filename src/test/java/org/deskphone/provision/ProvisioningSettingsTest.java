package org.deskphone.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Both dialects' names for the same provisioning settings, their defaults and their ranges. */
class ProvisioningSettingsTest {
    private final Map<String, String> values = new HashMap<>();

    @Test
    void defaultsFromBothManuals() {
        ProvisioningSettings settings = read();
        assertThat(settings.serverUrl()).isEmpty();
        assertThat(settings.dhcp()).isTrue();                                  // Yealink L3766, ALE L2444
        assertThat(settings.pnp()).isTrue();                                   // Yealink L3543, ALE L2413
        assertThat(settings.pnpPort()).isEqualTo(5082);                        // ALE L2427
        assertThat(settings.vendorClass()).isEqualTo("yealink");               // Yealink L3792-3806
        assertThat(settings.aleFiles()).containsExactly("config.xml", "config.$model.xml", "config.$mac.xml"); // ALE L2175-2196
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10)); // ALE L2235-2245
        assertThat(settings.attemptTimeout()).isEqualTo(Duration.ofSeconds(20)); // ALE L2252-2262
        assertThat(settings.immediateUpdateTimes()).isZero();                  // ALE L2293
        assertThat(settings.verifyServer()).isTrue();                          // ALE L3545, Yealink L5279
        assertThat(settings.problems()).isEmpty();
    }

    @Test
    void eitherDialectSetsTheServer() {
        values.put("auto_provision.server.url", "tftp://192.168.1.100/");
        values.put("auto_provision.server.username", "admin");
        values.put("auto_provision.server.password", "123456");
        assertThat(read().serverUrl()).contains("tftp://192.168.1.100/");
        assertThat(read().credentials()).isEqualTo(new Credentials("admin", "123456"));
        values.put("DeviceProvisionServerUrl", "https://dm.example/");
        values.put("DeviceProvisionBackupServerUrl", "https://backup.example/");
        assertThat(read().serverUrl()).contains("https://dm.example/");
        assertThat(read().backupUrl()).contains("https://backup.example/");
        assertThat(read().toString()).doesNotContain("123456");
    }

    @Test
    void switchesOffInEitherDialectTurnThingsOff() {
        values.put("auto_provision.dhcp_enable", "0"); // the example's spelling, Yealink L335-337
        assertThat(read().dhcp()).isFalse();
        values.clear();
        values.put("DeviceProvisionDHCPEnable", "false");
        assertThat(read().dhcp()).isFalse();
        values.put("DeviceSecurityHttpsPeerVerifyEnable", "0");
        assertThat(read().verifyServer()).isFalse();
        values.clear();
        values.put("security.trust_certificates", "0");
        assertThat(read().verifyServer()).isFalse();
    }

    @Test
    void customOptionsFromBothDialects() { // Yealink L3814, ALE L2458-2489
        values.put("auto_provision.dhcp_option.list_user_options", "128");
        values.put("DeviceProvisionDHCPCustomOption", "160;128;300");
        values.put("DeviceProvisionDHCPCustomOptionIPv6", "135;143;2000");
        ProvisioningSettings settings = read();
        assertThat(settings.customOptions()).containsExactly(128, 160);
        assertThat(settings.customOptionsV6()).containsExactly(135, 2000);
        assertThat(settings.problems()).anyMatch(p -> p.contains("'300'"));
    }

    @Test
    void outOfRangeValuesFallBackAndAreNamed() {
        values.put("DeviceNetworkConnectExpiredTime", "21");
        values.put("DeviceProvisionAttemptExpiredTime", "0");
        values.put("DeviceProvisionImmediateUpdateTimes", "twenty");
        values.put("DeviceProvisionPnPEnable", "maybe");
        ProvisioningSettings settings = read();
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.attemptTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(settings.immediateUpdateTimes()).isZero();
        assertThat(settings.pnp()).isTrue();
        assertThat(settings.problems()).hasSize(4).allMatch(p -> p.contains("using"));
    }

    @Test
    void everyNameReadIsListed() {
        assertThat(ProvisioningSettings.READ).contains("auto_provision.server.url", "DeviceProvisionServerUrl",
                "DeviceProvisionImmediateUpdateTimes", "auto_provision.aes_key_16.mac").doesNotHaveDuplicates();
        assertThat(List.copyOf(ProvisioningSettings.READ)).hasSizeGreaterThan(40);
    }

    private ProvisioningSettings read() {
        return ProvisioningSettings.read(name -> Optional.ofNullable(values.get(name)));
    }
}
