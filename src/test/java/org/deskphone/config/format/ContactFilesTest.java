package org.deskphone.config.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deskphone.config.format.Seeds.bytes;

import org.junit.jupiter.api.Test;

/** Local contact files: Yealink §3.6, ALE §6.1, and CSV. */
class ContactFilesTest {

    @Test
    void theYealinkExampleLoadsAsTheManualDescribes() throws Exception {
        // E30: the example of L987–1019, verbatim (two top-level elements, no declaration).
        ContactList list = ContactFiles.read("contact_list.xml", bytes(Seeds.yealink(987, 1019)));
        assertThat(list.groups()).containsExactly(new ContactGroup("All Contacts", ""),
                new ContactGroup("Family", "Resource:Ring1.wav"), new ContactGroup("Friend", "Auto"));
        assertThat(list.contacts()).extracting(Contact::name, Contact::officeNumber, Contact::mobileNumber,
                Contact::otherNumber, Contact::line, Contact::ring, Contact::group).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Mary", "123", "456", "2201", 0, "Auto", "Family"),
                org.assertj.core.groups.Tuple.tuple("Damy", "124", "789", "2202", 1, "Resource:Ring2.wav", ""),
                org.assertj.core.groups.Tuple.tuple("Jack", "125", "234", "2203", 2, "Custom:lin.wav", "Family"),
                org.assertj.core.groups.Tuple.tuple("Ada", "8800", "1234", "0000", 0, "", ""));
        assertThat(list.warnings()).isEmpty();
    }

    @Test
    void yealinkLimitsBlankAndDuplicateNamesAndBadRings() throws Exception {
        // L912–916: at most 5 groups and 1000 contacts; L957–959: display_name not blank nor duplicated;
        // E62 (L922–926): Resource:Ring6.wav is not a ring.
        StringBuilder file = new StringBuilder("<?xml version=\"1.0\"?>\n<root_group>\n");
        for (int g = 1; g <= 6; g++) {
            file.append("<group display_name=\"G").append(g).append("\"/>\n");
        }
        file.append("</root_group>\n<root_contact>\n<contact display_name=\"\" office_number=\"1\"/>\n")
                .append("<contact display_name=\"Bob\" office_number=\"2\" ring=\"Resource:Ring6.wav\"/>\n")
                .append("<contact display_name=\"Bob\" office_number=\"3\"/>\n");
        for (int c = 1; c <= 1000; c++) {
            file.append("<contact display_name=\"C").append(c).append("\"/>\n");
        }
        file.append("</root_contact>\n");
        ContactList list = ContactFiles.read("many.xml", bytes(file.toString()));
        assertThat(list.groups()).hasSize(5);
        assertThat(list.contacts()).hasSize(1000);
        assertThat(list.contacts().get(0)).extracting(Contact::name, Contact::officeNumber, Contact::ring).containsExactly("Bob", "2", "");
        assertThat(list.warnings()).extracting(Problem::message).anyMatch(m -> m.contains("more than 5 groups"))
                .anyMatch(m -> m.equals("contact without a name; skipped"))
                .anyMatch(m -> m.contains("'Resource:Ring6.wav' is not Auto"))
                .anyMatch(m -> m.contains("contact 'Bob' appears twice"))
                .anyMatch(m -> m.contains("more than 1000 contacts; 'C1000' dropped"));
    }

    @Test
    void theAleExampleLoads() throws Exception {
        // L3672–3748 (the seed's closing tag shares its line with the next heading, so it is added here).
        ContactList list = ContactFiles.read("directory.xml", bytes(Seeds.ale(3672, 3748) + "</PhoneDirectory>\n"));
        assertThat(list.contacts()).singleElement().satisfies(contact -> {
            assertThat(contact.name()).isEqualTo("TA testA");
            assertThat(contact.officeNumber()).isEqualTo("123456789");
            assertThat(contact.line()).isEqualTo(1);
            assertThat(contact.group()).isEqualTo("All Contacts");
            assertThat(contact.favorite()).isFalse();
        });
        assertThat(list.groups()).extracting(ContactGroup::name)
                .containsExactly("All Contacts", "Blacklist", "Whitelist", "AAA", "BBB", "CCC");
    }

    @Test
    void csvWithEitherVendorsColumnNames() throws Exception {
        ContactList list = ContactFiles.read("contacts.csv", bytes("display_name,office_number,mobile_number,group_id_name,line\n"
                + "\"Smith, Anna\",0123,\"+44 20 \"\"7\"\"\",Family,1\nBroken,1\n"));
        assertThat(list.contacts()).singleElement().extracting(Contact::name, Contact::officeNumber, Contact::mobileNumber, Contact::line)
                .containsExactly("Smith, Anna", "0123", "+44 20 \"7\"", 1);
        assertThat(list.groups()).containsExactly(new ContactGroup("Family", ""));
        assertThat(list.warnings()).extracting(Problem::line).containsExactly(3);

        ContactList ale = ContactFiles.read("ale.csv", bytes("FirstName,LastName,OfficeNumber,Favorite\r\nTA,testA,123,True\r\n"));
        assertThat(ale.contacts()).singleElement().extracting(Contact::name, Contact::favorite).containsExactly("TA testA", true);
    }

    @Test
    void otherFilesAreNotContacts() {
        assertThatThrownBy(() -> ContactFiles.read("x", bytes("#!version:1.0.0.1\n"))).isInstanceOf(FormatException.class)
                .hasMessageContaining("not a contact file");
        assertThatThrownBy(() -> ContactFiles.read("x.csv", bytes("display_name,office\n\"open,1\n")))
                .isInstanceOf(FormatException.class).hasMessage("x.csv:2: error: a quoted field is never closed");
    }
}
