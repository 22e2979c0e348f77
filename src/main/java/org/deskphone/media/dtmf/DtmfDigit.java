package org.deskphone.media.dtmf;

/**
 * The sixteen DTMF digits of the manuals (ALE seed L5365: 0-9 * # A B C D): their RFC 4733 event codes and
 * their ITU-T Q.23 frequency pairs.
 */
public final class DtmfDigit {
    static final double[] ROWS = {697, 770, 852, 941};
    static final double[] COLUMNS = {1209, 1336, 1477, 1633};
    private static final String KEYPAD = "123A456B789C*0#D";
    private static final String BY_EVENT = "0123456789*#ABCD";

    private DtmfDigit() {
    }

    public static boolean isDigit(char c) {
        return BY_EVENT.indexOf(Character.toUpperCase(c)) >= 0;
    }

    /** The RFC 4733 §3.2 event code: 0-9, * = 10, # = 11, A-D = 12-15. */
    public static int event(char digit) {
        int event = BY_EVENT.indexOf(Character.toUpperCase(digit));
        if (event < 0) {
            throw new IllegalArgumentException("not a DTMF digit: '" + digit + "'");
        }
        return event;
    }

    /** The digit of event code 0-15, or 0 for any other event (flash, fax tones...). */
    public static char fromEvent(int event) {
        return event >= 0 && event < 16 ? BY_EVENT.charAt(event) : 0;
    }

    static double row(char digit) {
        return ROWS[KEYPAD.indexOf(Character.toUpperCase(digit)) / 4];
    }

    static double column(char digit) {
        return COLUMNS[KEYPAD.indexOf(Character.toUpperCase(digit)) % 4];
    }

    static char at(int row, int column) {
        return KEYPAD.charAt(row * 4 + column);
    }
}
