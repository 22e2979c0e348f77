package org.deskphone.hal.pi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.deskphone.hal.Screen;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The SSD1306 driver's I2C transactions, checked against the controller's command table (SSD1306
 * datasheet, section 9) literally for the start, and through an emulator of its display RAM for text.
 */
class Ssd1306Test {
    private final MockPi pi = new MockPi();
    private final MockPi.TappedI2C bus = i2c();
    private final Ssd1306 panel = new Ssd1306(bus);
    private final Ssd1306Emulator oled = new Ssd1306Emulator();

    @AfterEach
    void release() {
        pi.close();
    }

    @Test
    void startInitialisesClearsTheRamAndOnlyThenTurnsTheDisplayOn() {
        panel.start();
        List<byte[]> writes = bus.takeWrites();
        assertThat(Hd44780Test.hex(writes.get(0))).isEqualTo(
                "00 AE D5 80 A8 3F D3 00 40 8D 14 20 00 A1 C8 DA 12 81 CF D9 F1 DB 40 A4 A6 2E");
        assertThat(writes).hasSize(1 + 8 * 2 + 1);
        assertThat(Hd44780Test.hex(writes.get(1))).as("column window 0-127, page 0").isEqualTo("00 21 00 7F 22 00 00");
        assertThat(writes.get(2)).hasSize(129).startsWith((byte) 0x40);
        assertThat(Hd44780Test.hex(writes.get(writes.size() - 1))).isEqualTo("00 AF");

        oled.feed(writes);
        assertThat(oled.chargePump()).isTrue();
        assertThat(oled.displayOn()).isTrue();
        assertThat(oled.blank()).isTrue();
    }

    @Test
    void textIsDrawnInSixPixelCellsOnePagePerRow() {
        panel.start();
        panel.draw(Screen.of(Ssd1306.GEOMETRY, "Hi", "", "OK"));
        oled.feed(bus.takeWrites());
        assertThat(Hd44780Test.hex(java.util.Arrays.copyOf(oled.page(0), 12)))
                .as("'H' and 'i', each followed by a blank column")
                .isEqualTo("7F 08 08 08 7F 00 00 44 7D 40 00 00");
        assertThat(oled.art(2, 0, 12)).isEqualTo(String.join("\n",
                ".###..#...#.",
                "#...#.#..#..",
                "#...#.#.#...",
                "#...#.##....",
                "#...#.#.#...",
                "#...#.#..#..",
                ".###..#...#.",
                "............", ""));
        assertThat(oled.page(1)).containsOnly(0);
    }

    @Test
    void iconsComeFromTheSameBitmapsAsTheLcdGlyphs() {
        panel.start();
        panel.draw(Screen.of(Ssd1306.GEOMETRY, "", "", "", "", "", "", "", "\u2709"));
        oled.feed(bus.takeWrites());
        assertThat(Hd44780Test.hex(java.util.Arrays.copyOf(oled.page(7), 6))).isEqualTo("7E 46 4A 46 7E 00");
    }

    @Test
    void aRedrawSendsOnlyThePagesThatChanged() {
        panel.start();
        panel.draw(Screen.of(Ssd1306.GEOMETRY, "deskphone 09:58", "Sun 22 Nov 2026"));
        oled.feed(bus.takeWrites());
        panel.draw(Screen.of(Ssd1306.GEOMETRY, "deskphone 09:59", "Sun 22 Nov 2026"));
        List<byte[]> writes = bus.takeWrites();
        assertThat(writes).hasSize(2);
        assertThat(Hd44780Test.hex(writes.get(0))).isEqualTo("00 21 00 7F 22 00 00");
        oled.feed(writes);
        assertThat(oled.art(0, 84, 90)).isEqualTo(String.join("\n",
                ".###..",
                "#...#.",
                "#...#.",
                ".####.",
                "....#.",
                "...#..",
                ".##...",
                "......", ""));
    }

    @Test
    void closingTurnsThePanelOff() {
        panel.start();
        panel.close();
        oled.feed(bus.takeWrites());
        assertThat(oled.displayOn()).isFalse();
    }

    private MockPi.TappedI2C i2c() {
        pi.pins().i2c("display", 1, 0x3c);
        return pi.i2c("display");
    }
}
