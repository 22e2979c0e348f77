package org.deskphone.dialplan;

/**
 * The thirteen symbols a dial string is made of: {@code 0-9}, {@code *}, {@code #} and {@code +}. Patterns
 * keep a set of symbols as a 13-bit mask, bit {@code i} for the symbol whose {@link #index(char)} is i.
 */
final class Symbols {
    static final int COUNT = 13;
    static final int DIGITS = 0x3FF;
    static final int ALL = (1 << COUNT) - 1;

    private Symbols() {
    }

    /** 0–9 for the digits, 10 for {@code *}, 11 for {@code #}, 12 for {@code +}; -1 for anything else. */
    static int index(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        switch (c) {
            case '*':
                return 10;
            case '#':
                return 11;
            case '+':
                return 12;
            default:
                return -1;
        }
    }

    static boolean isDialable(char c) {
        return index(c) >= 0;
    }

    /** True when every character of {@code text} is a dial symbol (an empty text is). */
    static boolean allDialable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (!isDialable(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static int mask(char c) {
        return 1 << index(c);
    }
}
