package org.deskphone.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.deskphone.provision.ResourceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contact files provisioning installed make the directory; a damaged one costs only its own contacts. */
class PhoneDirectoryTest {
    @TempDir
    Path resources;

    @Test
    void readsTheInstalledContactFilesAndSkipsADamagedOne() throws Exception {
        Path folder = Files.createDirectories(resources.resolve(ResourceKind.CONTACTS.folder()));
        PhoneDirectory directory = new PhoneDirectory(resources);
        directory.load();
        assertThat(directory.current().contacts()).isEmpty();

        Files.writeString(folder.resolve("contacts.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <root_contact>
                <contact display_name="Bob Smith" office_number="3000" mobile_number="" other_number="" line="0" ring="Auto" group_id_name="" />
                <contact display_name="Spam" office_number="6666" mobile_number="" other_number="" line="0" ring="Auto" group_id_name="Blacklist" />
                </root_contact>
                """);
        Files.writeString(folder.resolve("broken.xml"), "<root_contact><contact display_name=");
        directory.installed(ResourceKind.CONTACTS);
        assertThat(directory.current().byNumber("3000")).get().extracting(c -> c.name()).isEqualTo("Bob Smith");
        assertThat(directory.current().blacklisted("6666")).isTrue();
    }
}
