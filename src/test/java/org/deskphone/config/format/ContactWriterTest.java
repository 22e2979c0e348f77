package org.deskphone.config.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@link ContactWriter} writes reads back the same, in each form, awkward characters included. */
class ContactWriterTest {
    private static final ContactList LIST = new ContactList(List.of(new ContactGroup("Friends & Family", "")),
            List.of(new Contact("O'Neil \"Big\" <Jim>", "", "", "0044,123", "0000", "", "", 2, "Auto", "Friends & Family", "", true),
                    new Contact("Zoë", "", "", "1001", "", "2201", "", 0, "", "", "", false)),
            List.of());

    @Test
    void everyFormReadsBackItsContacts() throws Exception {
        for (ContactWriter.Form form : ContactWriter.Form.values()) {
            String text = ContactWriter.write(LIST, form);
            ContactList back = ContactFiles.read("written." + form.extension(), text.getBytes(StandardCharsets.UTF_8));
            assertThat(back.warnings()).as("%s:\n%s", form, text).isEmpty();
            assertThat(back.contacts()).extracting(Contact::name).containsExactly("O'Neil \"Big\" <Jim>", "Zoë");
            assertThat(back.contacts()).extracting(Contact::officeNumber).containsExactly("0044,123", "1001");
            assertThat(back.contacts()).extracting(Contact::line).containsExactly(2, 0);
            assertThat(back.contacts().get(0).group()).isEqualTo("Friends & Family");
        }
        assertThat(ContactWriter.write(LIST, ContactWriter.Form.ALE)).contains("<Favorite>True</Favorite>");
        assertThat(ContactWriter.write(LIST, ContactWriter.Form.YEALINK)).startsWith("<root_group>\n<group display_name=\"Friends &amp; Family\"");
    }
}
