package org.deskphone.config;

import java.util.List;

/**
 * One catalogue entry: a parameter, or a family of them when its name holds index placeholders
 * ({@code account.X.sip_server.Y.address}). Placeholders are single upper-case letters; their ranges
 * come from the catalogue's {@code @index} lines, so each family's range is declared once.
 */
record Template(String name, List<Character> placeholders, int[] min, int[] max, ValueType type, String defaultValue,
        boolean restart, boolean secret, Permission permission, String section, String xmlName, String seed) {

    private static final java.util.regex.Pattern CONDITIONAL =
            java.util.regex.Pattern.compile("([A-Z])([0-9]+)\\.\\.([0-9]+)=(.*?);(.*)");

    /**
     * The default for {@code indices}. A default may depend on one index, written
     * {@code X1..6=15;0}: 15 for X from 1 to 6, else 0 (line keys 1–6 default to Line, L5950).
     */
    String defaultFor(int[] indices) {
        if (defaultValue.indexOf(';') < 0 || defaultValue.indexOf('=') < 0) {
            return defaultValue;
        }
        var conditional = CONDITIONAL.matcher(defaultValue);
        if (!conditional.matches()) {
            return defaultValue;
        }
        int slot = placeholders.indexOf(conditional.group(1).charAt(0));
        int index = slot < 0 ? -1 : indices[slot];
        return index >= Integer.parseInt(conditional.group(2)) && index <= Integer.parseInt(conditional.group(3))
                ? conditional.group(4) : conditional.group(5);
    }

    /** The concrete name for {@code indices}, one per placeholder in order. */
    String instantiate(int[] indices) {
        if (placeholders.isEmpty()) {
            return name;
        }
        StringBuilder out = new StringBuilder(name.length() + 8);
        int start = 0;
        for (int i = 0; i < placeholders.size(); i++) {
            int at = Names.placeholderAt(name, placeholders.get(i), start);
            out.append(name, start, at).append(indices[i]);
            start = at + 1;
        }
        return out.append(name, start, name.length()).toString();
    }

    boolean inRange(int[] indices) {
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] < min[i] || indices[i] > max[i]) {
                return false;
            }
        }
        return true;
    }
}
