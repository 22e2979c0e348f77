package org.deskphone.hal.pi;

import java.util.Locale;
import org.deskphone.hal.Key;

/**
 * Key names as the board descriptor writes them: {@code 0}–{@code 9}, {@code *}, {@code #}, a key's kind
 * ({@code HOLD}, {@code volume_up}; case does not matter) and, for numbered kinds, the kind with its
 * number ({@code LINE1}, {@code SOFT3}, {@code PROGRAMMABLE12}).
 */
final class KeyNames {

    private KeyNames() {
    }

    static Key parse(String name) {
        String text = name.trim();
        if (text.length() == 1 && "0123456789*#".indexOf(text.charAt(0)) >= 0) {
            return Key.dialPad(text.charAt(0));
        }
        String upper = text.toUpperCase(Locale.ROOT).replace('-', '_');
        int digits = upper.length();
        while (digits > 0 && Character.isDigit(upper.charAt(digits - 1))) {
            digits--;
        }
        try {
            Key.Kind kind = Key.Kind.valueOf(upper.substring(0, digits));
            int index = digits == upper.length() ? 0 : Integer.parseInt(upper.substring(digits));
            return new Key(kind, index);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + name + "' is not a key: use 0-9, *, #, a key such as HOLD or OK,"
                    + " or a numbered key such as LINE1 or SOFT2", e);
        }
    }
}
