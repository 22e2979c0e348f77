package org.deskphone.dialplan;

import java.util.Set;
import java.util.TreeSet;

/**
 * The lines (accounts) a Yealink rule applies to: {@code LineID} "0 or line IDs … separated by comma",
 * blank or 0 meaning every line (seed 000 L1050-1054, L1078-1080).
 */
record Lines(Set<Integer> numbers) {
    static final Lines ALL = new Lines(Set.of());
    private static final int HIGHEST = 99;

    Lines {
        numbers = Set.copyOf(numbers);
    }

    static Lines parse(String text) throws DialPlanException {
        if (text == null || text.isBlank()) {
            return ALL;
        }
        Set<Integer> numbers = new TreeSet<>();
        int pos = 0;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ',' || c == ';' || Character.isWhitespace(c)) {
                pos++;
                continue;
            }
            int start = pos;
            int value = 0;
            while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
                value = Math.min(value * 10 + (text.charAt(pos) - '0'), HIGHEST + 1);
                pos++;
            }
            if (pos == start) {
                throw new DialPlanException(text, pos, "a line is a number (0 for all lines), not '" + c + "'");
            }
            if (value > HIGHEST) {
                throw new DialPlanException(text, start, "there is no line " + text.substring(start, pos));
            }
            if (value == 0) {
                return ALL;
            }
            numbers.add(value);
        }
        return new Lines(numbers);
    }

    boolean includes(int line) {
        return numbers.isEmpty() || numbers.contains(line);
    }

    @Override
    public String toString() {
        return numbers.isEmpty() ? "all lines" : "line " + String.join(",", numbers.stream().map(String::valueOf).toList());
    }
}
