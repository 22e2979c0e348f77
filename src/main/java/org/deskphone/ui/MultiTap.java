package org.deskphone.ui;

/**
 * Typing letters on a dial pad: in letter mode a digit key gives its first letter, the same key again the
 * next one, and another key (or {@link #commit()}) starts a new letter. Digit mode types the digits.
 */
final class MultiTap {
    private static final String[] LETTERS = {" 0", ".@-_:/1", "abc2", "def3", "ghi4", "jkl5", "mno6", "pqrs7", "tuv8", "wxyz9"};

    enum Mode {
        DIGITS("123"), LOWER("abc"), UPPER("ABC");

        final String label;

        Mode(String label) {
            this.label = label;
        }
    }

    private Mode mode = Mode.DIGITS;
    private int lastDigit = -1;
    private int presses;

    Mode mode() {
        return mode;
    }

    void nextMode() {
        mode = Mode.values()[(mode.ordinal() + 1) % Mode.values().length];
        lastDigit = -1;
    }

    void commit() {
        lastDigit = -1;
    }

    /** Types {@code symbol} (a dial-pad key) into {@code value}. */
    void type(char symbol, StringBuilder value) {
        if (mode == Mode.DIGITS || !Character.isDigit(symbol)) {
            value.append(symbol);
            lastDigit = -1;
            return;
        }
        int digit = symbol - '0';
        String letters = LETTERS[digit];
        if (digit == lastDigit && value.length() > 0) {
            presses++;
            value.setCharAt(value.length() - 1, letter(letters.charAt(presses % letters.length())));
        } else {
            presses = 0;
            value.append(letter(letters.charAt(0)));
        }
        lastDigit = digit;
    }

    private char letter(char c) {
        return mode == Mode.UPPER ? Character.toUpperCase(c) : c;
    }
}
