package org.deskphone.call;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.deskphone.config.format.Contact;
import org.deskphone.config.format.ContactGroup;
import org.deskphone.config.format.ContactList;

/**
 * The local directory: the contacts of the phone's contact file, found by number (to name a caller and pick
 * its ring tone) and by search (ALE §6.4, seed L4056-4064), and its blacklist, whose callers are refused
 * (ALE §6.7, L4253-4256). Immutable; a new contact file makes a new directory.
 */
public final class Directory {
    public static final Directory EMPTY = new Directory(new ContactList(List.of(), List.of(), List.of()));

    private final ContactList contacts;

    public Directory(ContactList contacts) {
        this.contacts = contacts;
    }

    /** Every contact but the blacklisted ones, in the file's order. */
    public List<Contact> contacts() {
        return contacts.contacts().stream().filter(contact -> !isBlacklistGroup(contact.group())).toList();
    }

    /** The blacklisted contacts. */
    public List<Contact> blacklist() {
        return contacts.contacts().stream().filter(contact -> isBlacklistGroup(contact.group())).toList();
    }

    /** The contact one of whose numbers is {@code number} (compared by its dial characters), not blacklisted. */
    public Optional<Contact> byNumber(String number) {
        String wanted = digits(number);
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        return contacts().stream().filter(contact -> numbers(contact).stream().anyMatch(n -> digits(n).equals(wanted))).findFirst();
    }

    /** Calls from this number are refused (ALE L4255-4256). */
    public boolean blacklisted(String number) {
        String wanted = digits(number);
        return !wanted.isEmpty() && blacklist().stream().anyMatch(contact -> numbers(contact).stream().anyMatch(n -> digits(n).equals(wanted)));
    }

    /**
     * The contacts matching {@code text} as the ALE manual searches (L4058-4064): when it starts with a digit,
     * the numbers and the first and last names are searched; otherwise the names only. {@code startsWith}
     * is {@code SettingDirectorySearchType} = 1 ("Start with"), else "Contains" (L4068).
     */
    public List<Contact> search(String text, boolean startsWith) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        if (wanted.isEmpty()) {
            return contacts();
        }
        boolean byNumber = Character.isDigit(wanted.charAt(0));
        List<Contact> found = new ArrayList<>();
        for (Contact contact : contacts()) {
            List<String> fields = new ArrayList<>(List.of(contact.firstName(), contact.lastName(), contact.name()));
            if (byNumber) {
                fields.addAll(numbers(contact));
            }
            if (fields.stream().map(f -> f.toLowerCase(Locale.ROOT)).anyMatch(f -> startsWith ? f.startsWith(wanted) : f.contains(wanted))) {
                found.add(contact);
            }
        }
        return found;
    }

    /** The ring tone of a contact: its own, else its group's; empty for "Auto" or none. */
    public Optional<String> ring(Contact contact) {
        String own = contact.ring().strip();
        if (!own.isEmpty() && !own.equalsIgnoreCase("auto")) {
            return Optional.of(own);
        }
        return contacts.groups().stream().filter(group -> group.name().equalsIgnoreCase(contact.group())).map(ContactGroup::ring)
                .map(String::strip).filter(ring -> !ring.isEmpty() && !ring.equalsIgnoreCase("auto")).findFirst();
    }

    /** A contact's numbers that are not blank: office, mobile, other, home. */
    public static List<String> numbers(Contact contact) {
        return List.of(contact.officeNumber(), contact.mobileNumber(), contact.otherNumber(), contact.homeNumber()).stream()
                .filter(n -> !n.isBlank()).toList();
    }

    /** The name a contact is shown with. */
    public static String name(Contact contact) {
        if (!contact.name().isBlank()) {
            return contact.name();
        }
        return (contact.firstName() + " " + contact.lastName()).strip();
    }

    private static boolean isBlacklistGroup(String group) {
        String name = group.replace(" ", "").toLowerCase(Locale.ROOT);
        return name.equals("blacklist");
    }

    private static String digits(String number) {
        StringBuilder out = new StringBuilder();
        for (char c : number.toCharArray()) {
            if (Character.isDigit(c) || c == '*' || c == '#' || c == '+') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
