package org.deskphone.dialplan;

/**
 * A {@code [...]} set, as both dialects write it: digits, ranges of concrete digits ({@code 5-7}),
 * {@code *}, {@code #}, {@code +} and {@code x}, optionally separated by commas (Yealink's
 * {@code [2,5,8]}) or spaces.
 */
final class Brackets {
    private Brackets() {
    }

    /**
     * Reads the set opening at {@code open} in {@code text}, not beyond {@code to}. Returns the set's
     * symbol mask in the low 16 bits and the position of its {@code ]} above them.
     */
    static long read(String text, int open, int to, int xMask) throws DialPlanException {
        int mask = 0;
        int pos = open + 1;
        for (; pos < to && text.charAt(pos) != ']'; pos++) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c) || c == ',') {
                continue;
            }
            if (isDigit(c)) {
                int dash = skipSpace(text, pos + 1, to);
                if (dash < to && text.charAt(dash) == '-') {
                    int high = skipSpace(text, dash + 1, to);
                    if (high >= to || !isDigit(text.charAt(high))) {
                        throw new DialPlanException(text, Math.min(high, to - 1),
                                "a range needs two concrete digits (0-9), as in [5-7]");
                    }
                    if (text.charAt(high) < c) {
                        throw new DialPlanException(text, pos, "the range " + c + "-" + text.charAt(high) + " goes backwards");
                    }
                    for (char d = c; d <= text.charAt(high); d++) {
                        mask |= Symbols.mask(d);
                    }
                    pos = high;
                } else {
                    mask |= Symbols.mask(c);
                }
            } else if (c == '*' || c == '#' || c == '+') {
                mask |= Symbols.mask(c);
            } else if (c == 'x' || c == 'X') {
                mask |= xMask;
            } else if (c == '-') {
                throw new DialPlanException(text, pos, "a range needs two concrete digits (0-9), as in [5-7]");
            } else {
                throw new DialPlanException(text, pos, "'" + c + "' cannot be inside [...]");
            }
        }
        if (pos >= to) {
            throw new DialPlanException(text, open, "'[' without a closing ']'");
        }
        if (mask == 0) {
            throw new DialPlanException(text, open, "'[]' matches nothing");
        }
        return ((long) pos << 16) | mask;
    }

    static int mask(long read) {
        return (int) (read & 0xFFFF);
    }

    static int close(long read) {
        return (int) (read >>> 16);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int skipSpace(String text, int pos, int to) {
        while (pos < to && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        return pos;
    }
}
