package org.deskphone.hal.pi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pixel panels' font, checked by drawing glyphs as a person would draw them on squared paper. */
class Font5x7Test {

    @Test
    void lettersAndDigitsLookRight() {
        assertThat(art('A')).isEqualTo(String.join("\n",
                ".###.",
                "#...#",
                "#...#",
                "#...#",
                "#####",
                "#...#",
                "#...#",
                "....."));
        assertThat(art('0')).isEqualTo(String.join("\n",
                ".###.",
                "#...#",
                "#..##",
                "#.#.#",
                "##..#",
                "#...#",
                ".###.",
                "....."));
        assertThat(art('k')).isEqualTo(String.join("\n",
                "#....",
                "#....",
                "#..#.",
                "#.#..",
                "##...",
                "#.#..",
                "#..#.",
                "....."));
    }

    @Test
    void iconsAreTheHd44780GlyphsTurnedIntoColumns() {
        assertThat(art('\u2709')).isEqualTo(String.join("\n",
                ".....",
                "#####",
                "##.##",
                "#.#.#",
                "#...#",
                "#...#",
                "#####",
                "....."));
        assertThat(art('\u2191')).isEqualTo(String.join("\n",
                "..#..",
                ".###.",
                "#.#.#",
                "..#..",
                "..#..",
                "..#..",
                "..#..",
                "....."));
    }

    @Test
    void everyPrintableCharacterHasAGlyphOfItsOwn() {
        Map<String, Character> seen = new HashMap<>();
        for (char c = '!'; c <= '~'; c++) {
            String glyph = art(c);
            assertThat(glyph).as("glyph of '%s'", c).contains("#");
            assertThat(glyph.split("\n")[7]).as("the eighth row is the gap between text rows").isEqualTo(".....");
            Character twin = seen.put(glyph, c);
            assertThat(twin).as("'%s' looks like '%s'", c, twin).isNull();
        }
        assertThat(art(' ')).doesNotContain("#");
    }

    @Test
    void otherCharactersFallBackToTheirLetterOrAQuestionMark() {
        assertThat(Font5x7.printable('\u00E9')).isEqualTo('e');
        assertThat(Font5x7.printable('\u00C5')).isEqualTo('A');
        assertThat(Font5x7.printable('\u4E2D')).isEqualTo('?');
        assertThat(art('\u00E9')).isEqualTo(art('e'));
    }

    private static String art(char c) {
        byte[] columns = Font5x7.columns(c);
        StringBuilder art = new StringBuilder();
        for (int row = 0; row < 8; row++) {
            if (row > 0) {
                art.append('\n');
            }
            for (byte column : columns) {
                art.append((column >> row & 1) != 0 ? '#' : '.');
            }
        }
        return art.toString();
    }
}
