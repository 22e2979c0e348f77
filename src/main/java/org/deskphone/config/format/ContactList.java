package org.deskphone.config.format;

import java.util.List;

/** The contacts and groups of one contact file, with the entries that were skipped and why. */
public record ContactList(List<ContactGroup> groups, List<Contact> contacts, List<Problem> warnings) {

    public ContactList {
        groups = List.copyOf(groups);
        contacts = List.copyOf(contacts);
        warnings = List.copyOf(warnings);
    }
}
