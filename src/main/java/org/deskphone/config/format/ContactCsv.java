package org.deskphone.config.format;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Contacts as CSV (RFC 4180 quoting): a header row names the columns with either vendor's field names,
 * in any order and case ({@code display_name} or {@code FirstName}/{@code LastName},
 * {@code office_number} or {@code OfficeNumber}, ...). Groups are those the contacts name.
 */
final class ContactCsv {
    private static final Map<String, String> COLUMNS = columns();

    private ContactCsv() {
    }

    static ContactList read(String source, String text, List<Problem> warnings) throws FormatException {
        List<List<String>> rows = rows(source, text);
        if (rows.isEmpty()) {
            throw new FormatException(source, 1, "empty CSV file");
        }
        List<String> header = rows.get(0);
        String[] field = new String[header.size()];
        for (int i = 0; i < header.size(); i++) {
            field[i] = COLUMNS.get(header.get(i).toLowerCase(Locale.ROOT).replaceAll("[\\s_]", ""));
            if (field[i] == null && !header.get(i).isBlank()) {
                warnings.add(Problem.warning(source, 1, "column '" + header.get(i) + "' is not a contact field; ignored"));
            }
        }
        ContactFiles.Builder contacts = new ContactFiles.Builder(source, warnings, false);
        Set<String> groups = new LinkedHashSet<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            int line = r + 1;
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            if (row.size() != header.size()) {
                warnings.add(Problem.warning(source, line, row.size() + " columns where the header has "
                        + header.size() + "; row skipped"));
                continue;
            }
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < row.size(); i++) {
                if (field[i] != null) {
                    values.put(field[i], row.get(i).strip());
                }
            }
            String group = values.getOrDefault("group", "");
            int before = contacts.contacts.size();
            contacts.add(line, values.getOrDefault("name", ""), values.getOrDefault("first", ""),
                    values.getOrDefault("last", ""), values.getOrDefault("office", ""), values.getOrDefault("mobile", ""),
                    values.getOrDefault("other", ""), values.getOrDefault("home", ""), values.getOrDefault("line", ""),
                    values.getOrDefault("ring", ""), group, values.getOrDefault("photo", ""),
                    values.getOrDefault("favorite", ""));
            if (contacts.contacts.size() > before && !group.isEmpty()) {
                groups.add(group);
            }
        }
        List<ContactGroup> groupList = new ArrayList<>();
        for (String group : groups) {
            if (groupList.size() == ContactFiles.MAX_ALE_GROUPS) {
                warnings.add(Problem.warning(source, 0, "more than " + ContactFiles.MAX_ALE_GROUPS + " groups; the rest dropped"));
                break;
            }
            groupList.add(new ContactGroup(group, ""));
        }
        return new ContactList(groupList, contacts.contacts, warnings);
    }

    /** RFC 4180 records; a quoted field may span lines. */
    static List<List<String>> rows(String source, String text) throws FormatException {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int quoteLine = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                field.setLength(0);
                quoted = true;
                quoteLine = line;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                line++;
            } else if (Text.isControl(c)) {
                throw new FormatException(source, line, String.format("control character U+%04X in a CSV file", (int) c));
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new FormatException(source, quoteLine, "a quoted field is never closed");
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    private static Map<String, String> columns() {
        Map<String, String> columns = new HashMap<>();
        put(columns, "name", "displayname", "name");
        put(columns, "first", "firstname");
        put(columns, "last", "lastname");
        put(columns, "office", "officenumber", "office");
        put(columns, "mobile", "mobilenumber", "mobile");
        put(columns, "other", "othernumber", "other");
        put(columns, "home", "homenumber", "home");
        put(columns, "line", "line", "account");
        put(columns, "ring", "ring", "customerringmelody");
        put(columns, "group", "groupidname", "groupname", "group");
        put(columns, "photo", "defaultphoto", "avatarsmall", "photo");
        put(columns, "favorite", "favorite", "favourite");
        return columns;
    }

    private static void put(Map<String, String> columns, String field, String... names) {
        for (String name : names) {
            columns.put(name, field);
        }
    }
}
