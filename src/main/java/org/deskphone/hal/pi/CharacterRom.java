package org.deskphone.hal.pi;

import java.util.Map;

/**
 * What an HD44780 with the common A00 character ROM (Japanese standard font) can show, and the code
 * that shows it: ASCII except backslash and tilde (where the ROM has the yen sign and a right arrow),
 * a few symbols and accented letters from the upper half, and the phone's {@link Icons} from the custom
 * glyph slots 0-7. Anything else is shown by its unaccented letter, or as {@code ?}.
 */
final class CharacterRom {
    /** From the A00 table of the HD44780U datasheet (Table 4). */
    private static final Map<Character, Integer> UPPER = Map.ofEntries(
            Map.entry('\u2192', 0x7E), // →
            Map.entry('\u2190', 0x7F), // ←
            Map.entry('\u00B0', 0xDF), // °
            Map.entry('\u00E4', 0xE1), // ä
            Map.entry('\u00DF', 0xE2), // ß, drawn as the ROM's beta
            Map.entry('\u00B5', 0xE4), // µ
            Map.entry('\u00F1', 0xEE), // ñ
            Map.entry('\u00F6', 0xEF), // ö
            Map.entry('\u221E', 0xF3), // ∞
            Map.entry('\u03A9', 0xF4), // Ω
            Map.entry('\u00FC', 0xF5), // ü
            Map.entry('\u03A3', 0xF6), // Σ
            Map.entry('\u03C0', 0xF7), // π
            Map.entry('\u00F7', 0xFD), // ÷
            Map.entry('\u2588', 0xFF)); // █

    private CharacterRom() {
    }

    /** The character code that shows {@code c}. */
    static int code(char c) {
        int slot = Icons.slot(c);
        if (slot >= 0) {
            return slot;
        }
        Integer upper = UPPER.get(c);
        if (upper != null) {
            return upper;
        }
        char shown = Font5x7.printable(c);
        if (shown == '\\' || shown == '~') {
            return '?';
        }
        return shown;
    }
}
