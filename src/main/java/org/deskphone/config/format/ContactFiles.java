package org.deskphone.config.format;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;

/**
 * Local contact files in the three forms the phones import, told apart by content:
 * <ul>
 * <li>Yealink (§3.6, L902–1034): {@code <root_group>} then {@code <root_contact>}, two top-level
 *     elements and no declaration, so not a well-formed document: we read it inside a synthetic root
 *     (Yealink digest §6 A22). At most 5 groups and 1000 contacts (L912–916); {@code display_name}
 *     "cannot be blank or duplicated" (L957–959): blank ones are skipped and the first of a duplicate
 *     wins (§6 A23).</li>
 * <li>ALE (§6.1, L3583–3828): {@code <PhoneDirectory><Contacts><Contact><FirstName>...}, at most 1000
 *     contacts and 50 groups (L3584–3588).</li>
 * <li>CSV: neither manual gives the layout (Yealink L1034; ALE's example is an image), so the first row
 *     names the columns, with either vendor's field names (Yealink digest §6 A24).</li>
 * </ul>
 */
public final class ContactFiles {
    public static final int MAX_CONTACTS = 1000;
    public static final int MAX_YEALINK_GROUPS = 5;
    public static final int MAX_ALE_GROUPS = 50;

    private static final Pattern YEALINK_RING = Pattern.compile("(?i)auto|resource:ring[1-5]\\.wav|custom:[^/\\\\]+\\.wav");
    private static final String WRAPPER = "deskphone-contacts";

    private ContactFiles() {
    }

    /** Reads a contact file of any of the three forms. */
    public static ContactList read(String source, byte[] content) throws FormatException {
        if (FileKind.detect(content) != FileKind.CONTACTS) {
            throw new FormatException(source, 1, "not a contact file (Yealink <root_group>/<root_contact>, "
                    + "ALE <PhoneDirectory> or CSV with a header row)");
        }
        List<Problem> warnings = new ArrayList<>();
        String text = Text.decode(source, content, warnings);
        String start = text.stripLeading();
        if (!start.startsWith("<")) {
            return ContactCsv.read(source, text, warnings);
        }
        String head = start.substring(0, Math.min(start.length(), 4096)).toLowerCase(Locale.ROOT);
        return head.contains("<phonedirectory") ? readAle(source, text, warnings) : readYealink(source, text, warnings);
    }

    private static ContactList readYealink(String source, String text, List<Problem> warnings) throws FormatException {
        List<ContactGroup> groups = new ArrayList<>();
        Builder contacts = new Builder(source, warnings, true);
        try (SafeXml xml = SafeXml.open(source, "<" + WRAPPER + ">" + blankDeclaration(text) + "</" + WRAPPER + ">")) {
            xml.next();
            while (xml.nextElement()) {
                String name = xml.name().toLowerCase(Locale.ROOT);
                int line = xml.line();
                switch (name) {
                    case "root_group", "root_contact" -> {
                        continue;
                    }
                    case "group" -> group(source, xml, line, groups, warnings);
                    case "contact" -> contacts.add(line, attr(xml, "display_name"), "", "", attr(xml, "office_number"),
                            attr(xml, "mobile_number"), attr(xml, "other_number"), "", attr(xml, "line"),
                            yealinkRing(source, line, attr(xml, "ring"), warnings), attr(xml, "group_id_name"),
                            attr(xml, "default_photo"), "");
                    default -> warnings.add(Problem.warning(source, line, "<" + xml.name() + "> ignored"));
                }
                xml.skipElement();
            }
        }
        return new ContactList(groups, contacts.contacts, warnings);
    }

    private static void group(String source, SafeXml xml, int line, List<ContactGroup> groups, List<Problem> warnings) {
        String name = attr(xml, "display_name");
        if (name.isEmpty()) {
            warnings.add(Problem.warning(source, line, "group without a display_name; skipped"));
        } else if (groups.size() == MAX_YEALINK_GROUPS) {
            warnings.add(Problem.warning(source, line, "more than " + MAX_YEALINK_GROUPS
                    + " groups (Yealink L912); '" + name + "' dropped"));
        } else {
            groups.add(new ContactGroup(name, yealinkRing(source, line, attr(xml, "ring"), warnings)));
        }
    }

    private static ContactList readAle(String source, String text, List<Problem> warnings) throws FormatException {
        List<ContactGroup> groups = new ArrayList<>();
        Builder contacts = new Builder(source, warnings, false);
        try (SafeXml xml = SafeXml.open(source, blankDeclaration(text))) {
            xml.next();
            while (xml.nextElement()) {
                String name = xml.name().toLowerCase(Locale.ROOT);
                int line = xml.line();
                if (name.equals("contacts") || name.equals("groups")) {
                    continue;
                }
                if (name.equals("contact") || name.equals("group")) {
                    Map<String, String> fields = fields(xml);
                    if (name.equals("group")) {
                        String group = fields.getOrDefault("groupname", "");
                        if (group.isEmpty()) {
                            warnings.add(Problem.warning(source, line, "group without a GroupName; skipped"));
                        } else if (groups.size() == MAX_ALE_GROUPS) {
                            warnings.add(Problem.warning(source, line, "more than " + MAX_ALE_GROUPS
                                    + " groups (ALE L3584); '" + group + "' dropped"));
                        } else {
                            groups.add(new ContactGroup(group, ""));
                        }
                    } else {
                        contacts.add(line, "", fields.getOrDefault("firstname", ""), fields.getOrDefault("lastname", ""),
                                fields.getOrDefault("officenumber", ""), fields.getOrDefault("mobilenumber", ""),
                                fields.getOrDefault("othernumber", ""), fields.getOrDefault("homenumber", ""),
                                fields.getOrDefault("account", ""), fields.getOrDefault("customerringmelody", ""),
                                fields.getOrDefault("groupname", ""), fields.getOrDefault("avatarsmall", ""),
                                fields.getOrDefault("favorite", ""));
                    }
                    continue;
                }
                warnings.add(Problem.warning(source, line, "<" + xml.name() + "> ignored"));
                xml.skipElement();
            }
        }
        return new ContactList(groups, contacts.contacts, warnings);
    }

    /** The text of each child element of the current one, by lower-cased name; consumes the element. */
    private static Map<String, String> fields(SafeXml xml) throws FormatException {
        Map<String, String> fields = new HashMap<>();
        int event;
        while ((event = xml.next()) != XMLStreamConstants.END_ELEMENT) {
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.name().toLowerCase(Locale.ROOT);
                fields.put(name, xml.elementText().strip());
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                break;
            }
        }
        return fields;
    }

    private static String yealinkRing(String source, int line, String ring, List<Problem> warnings) {
        if (ring.isEmpty() || YEALINK_RING.matcher(ring).matches()) {
            return ring;
        }
        warnings.add(Problem.warning(source, line, "ring '" + ring
                + "' is not Auto, Resource:Ring1.wav..Ring5.wav or Custom:Name.wav (Yealink L922–926); default ring used"));
        return "";
    }

    private static String attr(SafeXml xml, String name) {
        String value = xml.attribute(name);
        return value == null ? "" : value.strip();
    }

    /** Replaces a leading XML declaration by blanks, so that line numbers stay right. */
    private static String blankDeclaration(String text) {
        int start = 0;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        if (!text.startsWith("<?xml", start)) {
            return text;
        }
        int end = text.indexOf("?>", start);
        if (end < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text);
        for (int i = start; i < end + 2; i++) {
            if (out.charAt(i) != '\n') {
                out.setCharAt(i, ' ');
            }
        }
        return out.toString();
    }

    /** Collects contacts with the shared checks: a name, a line number, the 1000 limit, duplicates. */
    static final class Builder {
        final List<Contact> contacts = new ArrayList<>();
        private final String source;
        private final List<Problem> warnings;
        private final boolean uniqueNames;
        private final Set<String> names = new HashSet<>();

        Builder(String source, List<Problem> warnings, boolean uniqueNames) {
            this.source = source;
            this.warnings = warnings;
            this.uniqueNames = uniqueNames;
        }

        void add(int line, String name, String first, String last, String office, String mobile, String other,
                String home, String lineText, String ring, String group, String photo, String favorite) {
            String shown = !name.isEmpty() ? name : (first + " " + last).strip();
            if (shown.isEmpty()) {
                warnings.add(Problem.warning(source, line, "contact without a name; skipped"));
                return;
            }
            if (uniqueNames && !names.add(shown)) {
                warnings.add(Problem.warning(source, line, "contact '" + shown
                        + "' appears twice (Yealink L957–959); the first one is kept"));
                return;
            }
            if (contacts.size() == MAX_CONTACTS) {
                warnings.add(Problem.warning(source, line, "more than " + MAX_CONTACTS + " contacts; '" + shown + "' dropped"));
                return;
            }
            int account = 0;
            if (!lineText.isEmpty()) {
                if (lineText.matches("[0-9]{1,2}")) {
                    account = Integer.parseInt(lineText);
                } else {
                    warnings.add(Problem.warning(source, line, "contact '" + shown + "': line '" + lineText
                            + "' is not a line number; automatic line used"));
                }
            }
            contacts.add(new Contact(shown, first, last, office, mobile, other, home, account, ring, group, photo,
                    favorite.equalsIgnoreCase("true") || favorite.equals("1")));
        }
    }
}
