package org.deskphone.config.format;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes a contact list in the forms {@link ContactFiles} reads: Yealink's two-root XML (L902-1034, groups
 * and contacts as attributes), ALE's {@code <PhoneDirectory>} (L3595-3745) and CSV with a header row of
 * Yealink's field names. Reading what was written gives the same contacts back, as far as the form holds
 * them (Yealink's has no first, last or home number; ALE's no display name apart from first and last).
 */
public final class ContactWriter {

    /** The three forms. */
    public enum Form {
        YEALINK("xml"), ALE("xml"), CSV("csv");

        private final String extension;

        Form(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }

        /** {@code yealink}, {@code ale} or {@code csv}. */
        public static Form parse(String text) {
            return Form.valueOf(text.strip().toUpperCase(Locale.ROOT));
        }
    }

    private static final List<String> CSV_COLUMNS = List.of("display_name", "office_number", "mobile_number", "other_number",
            "home_number", "line", "ring", "group_id_name", "favorite");

    private ContactWriter() {
    }

    public static String write(ContactList list, Form form) {
        return switch (form) {
            case YEALINK -> yealink(list);
            case ALE -> ale(list);
            case CSV -> csv(list);
        };
    }

    private static String yealink(ContactList list) {
        StringBuilder out = new StringBuilder("<root_group>\n");
        for (ContactGroup group : groups(list)) {
            out.append("<group display_name=\"").append(attribute(group.name())).append("\" ring=\"").append(attribute(group.ring()))
                    .append("\"/>\n");
        }
        out.append("</root_group>\n<root_contact>\n");
        for (Contact contact : list.contacts()) {
            out.append("<contact display_name=\"").append(attribute(contact.name()))
                    .append("\" office_number=\"").append(attribute(contact.officeNumber()))
                    .append("\" mobile_number=\"").append(attribute(contact.mobileNumber()))
                    .append("\" other_number=\"").append(attribute(contact.otherNumber()))
                    .append("\" line=\"").append(contact.line())
                    .append("\" ring=\"").append(attribute(contact.ring()))
                    .append("\" group_id_name=\"").append(attribute(contact.group())).append("\"/>\n");
        }
        return out.append("</root_contact>\n").toString();
    }

    private static String ale(ContactList list) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<PhoneDirectory>\n  <Contacts>\n");
        for (Contact contact : list.contacts()) {
            String first = contact.firstName();
            String last = contact.lastName();
            if (first.isEmpty() && last.isEmpty()) {
                first = contact.name();
            }
            out.append("    <Contact>\n");
            element(out, "FirstName", first);
            element(out, "LastName", last);
            element(out, "Account", contact.line() == 0 ? "" : Integer.toString(contact.line()));
            element(out, "GroupName", contact.group());
            element(out, "OfficeNumber", contact.officeNumber());
            element(out, "MobileNumber", contact.mobileNumber());
            element(out, "OtherNumber", contact.otherNumber());
            element(out, "HomeNumber", contact.homeNumber());
            element(out, "Favorite", contact.favorite() ? "True" : "False");
            element(out, "CustomerRingMelody", contact.ring());
            out.append("    </Contact>\n");
        }
        out.append("  </Contacts>\n  <Groups>\n");
        for (ContactGroup group : groups(list)) {
            out.append("    <Group><GroupName>").append(text(group.name())).append("</GroupName></Group>\n");
        }
        return out.append("  </Groups>\n</PhoneDirectory>\n").toString();
    }

    private static String csv(ContactList list) {
        StringBuilder out = new StringBuilder(String.join(",", CSV_COLUMNS)).append("\r\n");
        for (Contact c : list.contacts()) {
            List<String> row = List.of(c.name(), c.officeNumber(), c.mobileNumber(), c.otherNumber(), c.homeNumber(),
                    Integer.toString(c.line()), c.ring(), c.group(), c.favorite() ? "true" : "false");
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(cell(row.get(i)));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    /** The list's groups and every group a contact names, once each, in order. */
    private static List<ContactGroup> groups(ContactList list) {
        Set<String> names = new LinkedHashSet<>();
        List<ContactGroup> groups = new java.util.ArrayList<>(list.groups());
        list.groups().forEach(g -> names.add(g.name()));
        for (Contact contact : list.contacts()) {
            if (!contact.group().isEmpty() && names.add(contact.group())) {
                groups.add(new ContactGroup(contact.group(), ""));
            }
        }
        return groups;
    }

    private static void element(StringBuilder out, String name, String value) {
        out.append("      <").append(name).append('>').append(text(value)).append("</").append(name).append(">\n");
    }

    private static String text(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String attribute(String value) {
        return text(value).replace("\"", "&quot;");
    }

    /** RFC 4180: quoted when it holds a comma, a quote or a line break. */
    private static String cell(String value) {
        boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
        return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
