package org.deskphone.hal.pi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.deskphone.hal.Geometry;
import org.deskphone.hal.Screen;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The HD44780 driver's I2C bytes, checked against the controller's instruction set (HD44780U datasheet,
 * table 6 and figure 24) and the PCF8574 backpack's wiring (P0=RS, P2=E, P3=backlight, P4-P7=D4-D7):
 * literally for the start and single characters, and through an emulator for whole screens.
 */
class Hd44780Test {
    private final MockPi pi = new MockPi();
    private final MockPi.TappedI2C bus = i2c();
    private final List<Long> pauses = new ArrayList<>();
    private final Hd44780Emulator lcd = new Hd44780Emulator();

    @AfterEach
    void release() {
        pi.close();
    }

    @Test
    void startInitialisesFourBitModeAsTheDatasheetSays() {
        Hd44780 panel = panel(Geometry.text(16, 2));
        panel.start();
        byte[] bytes = bus.takeBytes();
        assertThat(hex(Arrays.copyOf(bytes, 24))).isEqualTo(String.join(" ",
                "3C 38", "3C 38", "3C 38",   // 0x3 three times, 8-bit mode, each latched by E falling
                "2C 28",                     // 0x2: switch to 4-bit mode
                "2C 28 8C 88",               // function set 0x28: 4-bit, 2 lines, 5x8 dots
                "0C 08 8C 88",               // display off 0x08
                "0C 08 1C 18",               // clear 0x01
                "0C 08 6C 68"));             // entry mode 0x06: cursor moves right, no shift
        assertThat(hex(Arrays.copyOfRange(bytes, bytes.length - 4, bytes.length)))
                .as("display on 0x0C, last").isEqualTo("0C 08 CC C8");
        assertThat(pauses).as("power-on > 40 ms, > 4.1 ms, > 100 us, > 100 us, clear > 1.52 ms")
                .containsExactly(50_000L, 4_500L, 150L, 150L, 2_000L);

        lcd.feed(bytes);
        assertThat(lcd.fourBit()).isTrue();
        assertThat(lcd.twoLines()).isTrue();
        assertThat(lcd.displayOn()).isTrue();
        assertThat(lcd.backlight()).isTrue();
        assertThat(lcd.row(0, 16)).isBlank();
    }

    @Test
    void iconsAreWrittenToTheCustomGlyphSlotsAtStart() {
        Hd44780 panel = panel(Geometry.text(16, 2));
        panel.start();
        byte[] bytes = bus.takeBytes();
        // Slot 1, the envelope: set CGRAM address 0x48, then its 8 rows as data (RS high).
        String envelope = String.join(" ",
                "4C 48 8C 88",
                "0D 09 0D 09", "1D 19 FD F9", "1D 19 BD B9", "1D 19 5D 59",
                "1D 19 1D 19", "1D 19 1D 19", "1D 19 FD F9", "0D 09 0D 09");
        assertThat(hex(bytes)).contains(envelope);
        lcd.feed(bytes);
        for (int slot = 0; slot < 8; slot++) {
            assertThat(lcd.glyph(slot)).as("glyph %d", slot).containsExactly(Icons.rows(slot));
        }
    }

    @Test
    void aCharacterIsOneAddressAndFourPortWrites() {
        Hd44780 panel = panel(Geometry.text(16, 2));
        panel.start();
        bus.takeWrites();
        panel.draw(Screen.of(Geometry.text(16, 2), "A"));
        List<byte[]> writes = bus.takeWrites();
        assertThat(writes).hasSize(2);
        assertThat(hex(writes.get(0))).as("set DDRAM address 0x80").isEqualTo("8C 88 0C 08");
        assertThat(hex(writes.get(1))).as("'A' = 0x41 with RS and backlight").isEqualTo("4D 49 1D 19");
    }

    @Test
    void a16x2ScreenLandsOnItsTwoLines() {
        Geometry geometry = Geometry.text(16, 2);
        Hd44780 panel = panel(geometry);
        panel.start();
        panel.draw(Screen.of(geometry, "Alice calling", "2001 \u2192 Answer"));
        lcd.feed(bus.takeBytes());
        assertThat(lcd.row(0, 16)).isEqualTo("Alice calling   ");
        assertThat(lcd.codes(1, 16)[5]).as("→ from the ROM").isEqualTo(0x7E);
        assertThat(lcd.row(1, 16)).startsWith("2001 ").endsWith(" Answer   ");
    }

    @Test
    void a20x4ScreenUsesTheInterleavedLineAddresses() {
        Geometry geometry = Geometry.text(20, 4);
        Hd44780 panel = panel(geometry);
        panel.start();
        panel.draw(Screen.of(geometry, "deskphone      09:58", "Sun 22 Nov 2026", "\u2709 2 new messages", "\u260E 2001"));
        byte[] bytes = bus.takeBytes();
        assertThat(hex(bytes)).as("rows 3 and 4 start at 0x14 and 0x54").contains("9C 98 4C 48").contains("DC D8 4C 48");
        lcd.feed(bytes);
        assertThat(lcd.row(0, 20)).isEqualTo("deskphone      09:58");
        assertThat(lcd.row(1, 20)).isEqualTo("Sun 22 Nov 2026     ");
        assertThat(lcd.row(2, 20)).as("glyph 1, then 19 cells").isEqualTo("\\1" + " 2 new messages    ");
        assertThat(lcd.row(3, 20)).isEqualTo("\\0" + " 2001" + " ".repeat(14));
    }

    @Test
    void aRedrawSendsOnlyTheCellsThatChanged() {
        Geometry geometry = Geometry.text(20, 4);
        Hd44780 panel = panel(geometry);
        panel.start();
        panel.draw(Screen.of(geometry, "deskphone      09:58", "Sun 22 Nov 2026"));
        lcd.feed(bus.takeBytes());
        int before = lcd.dataWrites();

        panel.draw(Screen.of(geometry, "deskphone      09:59", "Sun 22 Nov 2026"));
        List<byte[]> writes = bus.takeWrites();
        assertThat(writes).hasSize(2);
        assertThat(hex(writes.get(0))).as("DDRAM address 0x13, the last cell of row 1").isEqualTo("9C 98 3C 38");
        lcd.feed(writes.get(0));
        lcd.feed(writes.get(1));
        assertThat(lcd.dataWrites() - before).isEqualTo(1);
        assertThat(lcd.row(0, 20)).isEqualTo("deskphone      09:59");

        panel.draw(Screen.of(geometry, "deskphone      09:59", "Sun 22 Nov 2026"));
        assertThat(bus.takeWrites()).as("nothing changed, nothing sent").isEmpty();
    }

    @Test
    void charactersOutsideTheRomAreApproximated() {
        assertThat(CharacterRom.code('A')).isEqualTo(0x41);
        assertThat(CharacterRom.code('\u00B0')).isEqualTo(0xDF);
        assertThat(CharacterRom.code('\u00E4')).isEqualTo(0xE1);
        assertThat(CharacterRom.code('\u00E9')).as("é as e").isEqualTo('e');
        assertThat(CharacterRom.code('\\')).as("the ROM has ¥ there").isEqualTo('?');
        assertThat(CharacterRom.code('~')).as("the ROM has → there").isEqualTo('?');
        assertThat(CharacterRom.code('\u266A')).as("♪ is custom glyph 2").isEqualTo(2);
    }

    @Test
    void closingTurnsTheDisplayAndBacklightOff() {
        Hd44780 panel = panel(Geometry.text(16, 2));
        panel.start();
        panel.close();
        lcd.feed(bus.takeBytes());
        assertThat(lcd.displayOn()).isFalse();
        assertThat(lcd.backlight()).isFalse();
    }

    @Test
    void aScreenForAnotherSizeIsRefused() {
        Hd44780 panel = panel(Geometry.text(16, 2));
        panel.start();
        assertThatThrownBy(() -> panel.draw(Screen.blank(Geometry.text(20, 4))))
                .hasMessageContaining("screen laid out for 20x4 drawn on a 16x2 LCD");
    }

    private Hd44780 panel(Geometry geometry) {
        return new Hd44780(bus, geometry, pauses::add);
    }

    private MockPi.TappedI2C i2c() {
        pi.pins().i2c("display", 1, 0x27);
        return pi.i2c("display");
    }

    static String hex(byte[] bytes) {
        StringBuilder hex = new StringBuilder();
        for (byte b : bytes) {
            if (hex.length() > 0) {
                hex.append(' ');
            }
            hex.append(String.format("%02X", b & 0xFF));
        }
        return hex.toString();
    }
}
