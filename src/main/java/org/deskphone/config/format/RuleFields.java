package org.deskphone.config.format;

import java.util.ArrayList;
import java.util.List;

/** Comma lists in rule values, where commas inside {@code [ ]} belong to the pattern ({@code [1,3]}). */
final class RuleFields {
    static final int MAX_LINE = 99;

    private RuleFields() {
    }

    static List<String> split(String value) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int brackets = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '[') {
                brackets++;
            } else if (c == ']' && brackets > 0) {
                brackets--;
            }
            if (c == ',' && brackets == 0) {
                fields.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (!value.isBlank() || !fields.isEmpty()) {
            fields.add(field.toString().strip());
        }
        return fields;
    }

    /**
     * A {@code LineID}: blank or 0 means all lines (empty list), otherwise comma-separated line numbers
     * (L1050–1054).
     *
     * @throws IllegalArgumentException for anything else
     */
    static List<Integer> lines(String text) {
        List<Integer> lines = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String id = part.strip();
            if (id.isEmpty() && text.isBlank()) {
                continue;
            }
            if (!id.matches("[0-9]{1,2}")) {
                throw new IllegalArgumentException("line id '" + id + "' is not a number from 0 to " + MAX_LINE);
            }
            int line = Integer.parseInt(id);
            if (line == 0) {
                return List.of();
            }
            if (!lines.contains(line)) {
                lines.add(line);
            }
        }
        return lines;
    }
}
