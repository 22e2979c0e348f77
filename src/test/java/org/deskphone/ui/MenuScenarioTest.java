package org.deskphone.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.deskphone.call.Directory;
import org.deskphone.config.format.Contact;
import org.deskphone.config.format.ContactGroup;
import org.deskphone.config.format.ContactList;
import org.deskphone.hal.Key;
import org.junit.jupiter.api.Test;

/** The history, the directory and the menu, from the keys. */
class MenuScenarioTest {

    private static Contact contact(String name, String number, String group) {
        return new Contact(name, "", "", number, "", "", "", 0, "", group, "", false);
    }

    private static Directory directory() {
        return new Directory(new ContactList(List.of(new ContactGroup("Blacklist", "")),
                List.of(contact("Bob Smith", "3000", ""), contact("Carol Jones", "3001", ""), contact("Spam", "6666", "Blacklist")),
                List.of()));
    }

    /** A missed call is counted on the idle screen; the history lists it and OK calls back (ALE L6019-6021). */
    @Test
    void theHistoryCallsBack() {
        PhoneRig rig = new PhoneRig();
        rig.sip.arrive("Alice", "2000", Map.of()).endsWith(487, "Request Terminated");
        assertThat(rig.text()).contains("1 missed");
        rig.soft("Hist");
        assertThat(rig.text()).contains("Alice");
        rig.press(Key.Kind.OK);
        assertThat(rig.sip.legs).hasSize(2);
        assertThat(rig.sip.last().remote.user()).isEqualTo("2000");
        rig.sip.last().endsWith(486, "Busy Here");
        rig.press(Key.Kind.CANCEL);
        assertThat(rig.text()).doesNotContain("missed");
    }

    /** The directory names callers, refuses the blacklisted (ALE L4253-4256), and calls the contact picked. */
    @Test
    void theDirectory() {
        PhoneRig rig = new PhoneRig();
        rig.phone.directory(MenuScenarioTest::directory);
        assertThat(rig.sip.arrive("", "6666", Map.of()).rejectedWith).isNotNull();
        rig.sip.arrive("", "3000", Map.of()).endsWith(487, "gone");
        rig.soft("Hist");
        assertThat(rig.text()).contains("Bob Smith");
        rig.press(Key.Kind.CANCEL);

        rig.soft("Dir");
        assertThat(rig.text()).contains("Bob Smith").contains("Carol Jones").doesNotContain("Spam");
        rig.press(Key.Kind.DOWN);
        rig.press(Key.Kind.OK);
        assertThat(rig.sip.last().remote.user()).isEqualTo("3001");
    }

    /** The advanced settings need the administrator password (ALE L2813: default 123456). */
    @Test
    void advancedSettingsNeedTheAdminPassword() {
        PhoneRig rig = new PhoneRig();
        rig.press(Key.Kind.MENU);
        assertThat(rig.text()).contains("Menu").contains("Status");
        for (int i = 0; i < 5; i++) {
            rig.press(Key.Kind.DOWN);
        }
        assertThat(rig.text()).contains(">Advanced");
        rig.press(Key.Kind.OK);
        assertThat(rig.text()).contains("Admin password");
        rig.dial("111111");
        rig.press(Key.Kind.OK);
        assertThat(rig.text()).contains("Wrong password");
        rig.press(Key.Kind.MENU);
        for (int i = 0; i < 5; i++) {
            rig.press(Key.Kind.DOWN);
        }
        rig.press(Key.Kind.OK);
        rig.dial("123456");
        rig.press(Key.Kind.OK);
        assertThat(rig.text()).doesNotContain("Wrong password").doesNotContain("Admin password");
    }
}
