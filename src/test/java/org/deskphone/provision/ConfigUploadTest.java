package org.deskphone.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConfigUploadTest {

    @Test
    void e33NoSchemeIsHttpHttpsStaysHttps() { // ALE L14966-14974
        Seed.ale().says(14973, 14974, "If \"https://\" is specified, https is used");
        assertThat(ConfigUpload.target("10.0.0.5/cfg/", "3C28A6200088.xml")).hasToString("http://10.0.0.5/cfg/3C28A6200088.xml");
        assertThat(ConfigUpload.target("https://10.0.0.5/cfg/", "3C28A6200088.xml")).hasToString("https://10.0.0.5/cfg/3C28A6200088.xml");
        assertThat(ConfigUpload.target("http://10.0.0.5/cfg", "a.xml")).hasToString("http://10.0.0.5/cfg/a.xml");
        assertThatThrownBy(() -> ConfigUpload.target("tftp://10.0.0.5/", "a.xml")).hasMessageContaining("http or https only");
    }
}
