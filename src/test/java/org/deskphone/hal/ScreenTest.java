package org.deskphone.hal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScreenTest {
    private final Geometry lcd = Geometry.text(8, 3);

    @Test
    void linesArePaddedCutAndMissingRowsBlank() {
        Screen screen = Screen.of(lcd, "short", "much too long", "x", "dropped");
        assertThat(screen.lines()).containsExactly("short   ", "much too", "x       ");
        assertThat(screen.text()).isEqualTo("short\nmuch too\nx");
    }

    @Test
    void controlCharactersCannotBreakTheGrid() {
        assertThat(Screen.of(lcd, "a\nb\tc").line(0)).isEqualTo("a b c   ");
    }

    @Test
    void screensWithTheSameContentAreEqual() {
        assertThat(Screen.of(lcd, "a")).isEqualTo(Screen.of(lcd, "a", "")).isNotEqualTo(Screen.blank(lcd));
    }
}
