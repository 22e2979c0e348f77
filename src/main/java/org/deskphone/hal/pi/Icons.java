package org.deskphone.hal.pi;

/**
 * The phone's icons, as the UI writes them into a screen: ordinary Unicode characters, so that the PC
 * board's terminal shows them as they are, while the Pi's displays draw them from the bitmaps here (an
 * HD44780 from its eight custom-glyph slots, a pixel panel with its font).
 *
 * <p>Each icon is 5 pixels wide and 8 high, given as 8 rows whose low 5 bits are the pixels, leftmost in
 * bit 4: the HD44780's CGRAM layout (datasheet, "Relationship between CGRAM addresses, character codes
 * and character patterns").
 */
final class Icons {
    /** The icons, in the order of their HD44780 CGRAM slots 0-7. */
    static final String CHARACTERS = "\u260E\u2709\u266A\u2298\u21AA\u23F8\u2191\u2193";

    private static final int[][] ROWS = {
        {0x0E, 0x1F, 0x1B, 0x00, 0x0E, 0x15, 0x1F, 0x00}, // ☎ telephone: registered line
        {0x00, 0x1F, 0x1B, 0x15, 0x11, 0x11, 0x1F, 0x00}, // ✉ envelope: message waiting
        {0x04, 0x06, 0x05, 0x04, 0x0C, 0x1C, 0x18, 0x00}, // ♪ note: ringing
        {0x00, 0x0E, 0x13, 0x15, 0x19, 0x0E, 0x00, 0x00}, // ⊘ slashed circle: do not disturb
        {0x00, 0x02, 0x1F, 0x12, 0x10, 0x10, 0x00, 0x00}, // ↪ hooked arrow: call forward
        {0x00, 0x1B, 0x1B, 0x1B, 0x1B, 0x1B, 0x00, 0x00}, // ⏸ pause bars: held
        {0x04, 0x0E, 0x15, 0x04, 0x04, 0x04, 0x04, 0x00}, // ↑ scroll up
        {0x04, 0x04, 0x04, 0x04, 0x15, 0x0E, 0x04, 0x00}, // ↓ scroll down
    };

    private Icons() {
    }

    /** The icon's slot 0-7, or -1 when {@code c} is not an icon. */
    static int slot(char c) {
        return CHARACTERS.indexOf(c);
    }

    /** The icon's 8 rows (a copy). */
    static int[] rows(int slot) {
        return ROWS[slot].clone();
    }
}
