package org.deskphone.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.deskphone.config.format.FileKind;
import org.deskphone.config.format.FormatException;
import org.junit.jupiter.api.Test;

/** Looking into a run's files before the commit, by either dialect's names. */
class FilePreviewTest {

    @Test
    void aFileSaysWhatItWouldSetWithoutApplyingIt() throws Exception {
        FilePreview cfg = FilePreview.of(ProvisioningFile.of("y000000000000.cfg", "#!version:1.0.0.1\n"
                + "static.auto_provision.server.url = http://next.example/\nlocal_contact.data.url = tftp://x/c.xml\n"
                + "account.1.label =\nlocal_time.ntp_server1 = %NULL%\naccount.1.sip_server.1.port = 70000\n"));
        assertThat(cfg.kind()).isEqualTo(FileKind.CFG_SETTINGS);
        assertThat(cfg.value("auto_provision.server.url")).contains("http://next.example/");
        assertThat(cfg.value("DeviceProvisionServerUrl")).as("either dialect's name").contains("http://next.example/");
        assertThat(cfg.value("LocalContactUploadUrl")).contains("tftp://x/c.xml");
        assertThat(cfg.value("account.1.label")).isEmpty();
        assertThat(cfg.value("local_time.ntp_server1")).isEmpty();
        assertThat(cfg.value("account.1.sip_server.1.port")).isEmpty();
        assertThat(cfg.value("no.such.parameter")).isEmpty();
        assertThat(cfg.problems()).hasSize(1);

        FilePreview xml = FilePreview.of(ProvisioningFile.of("config.xml",
                "<settings><setting id=\"DeviceProvisionServerUrl\" value=\"https://url1.example/\"/></settings>"));
        assertThat(xml.value("auto_provision.server.url")).contains("https://url1.example/");
    }

    @Test
    void whatTheStoreWouldRefuseIsRefusedHere() {
        assertThatThrownBy(() -> FilePreview.of(ProvisioningFile.of("broken.cfg", "account.1.label = x\n")))
                .isInstanceOf(FormatException.class).hasMessageContaining("broken.cfg:1: error");
    }
}
