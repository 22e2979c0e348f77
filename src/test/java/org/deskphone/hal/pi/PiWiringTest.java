package org.deskphone.hal.pi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.deskphone.hal.BoardDescriptor;
import org.deskphone.hal.Geometry;
import org.deskphone.hal.Key;
import org.deskphone.hal.Led;
import org.junit.jupiter.api.Test;

/** The board descriptor's Pi keys: the shipped reference wiring, and mistakes a person makes editing it. */
class PiWiringTest {

    @Test
    void theReferenceWiringReadsAsDocumented() throws IOException {
        PiWiring wiring = PiWiring.read(BoardDescriptor.load(Path.of("board"), "rpi"));
        assertThat(wiring.keypad().rows()).containsExactly(5, 6, 13, 16);
        assertThat(wiring.keypad().columns()).containsExactly(17, 22, 23, 27);
        assertThat(wiring.keypad().key(0, 0)).isEqualTo(Key.digit(1));
        assertThat(wiring.keypad().key(3, 0)).isEqualTo(Key.of(Key.Kind.STAR));
        assertThat(wiring.keypad().key(3, 2)).isEqualTo(Key.of(Key.Kind.POUND));
        assertThat(wiring.keypad().key(2, 3)).isEqualTo(Key.of(Key.Kind.OK));
        assertThat(wiring.keypad().buttons()).containsEntry(Key.line(1), 9).containsEntry(Key.of(Key.Kind.HOLD), 10)
                .containsEntry(Key.of(Key.Kind.SPEAKER), 11);
        assertThat(wiring.hook()).isEqualTo(new PiWiring.Hook(4, true, 10, 50));
        assertThat(wiring.leds().get(Led.of(Led.Kind.POWER))).isEqualTo(new PiWiring.Lamp(null, null, 0, 40));
        assertThat(wiring.leds().get(Led.line(1))).isEqualTo(new PiWiring.Lamp(25, 26, null, 100));
        assertThat(wiring.display()).isEqualTo(new PiWiring.Display("hd44780", 1, 0x27, Geometry.text(20, 4)));
    }

    @Test
    void aPinUsedTwiceIsRefusedNamingBothKeys() {
        assertThatThrownBy(() -> read(Map.of("led.message", "17")))
                .hasMessageContaining("board.properties")
                .hasMessageContaining("GPIO17 is used by both keypad.columns and led.message");
    }

    @Test
    void keyMapMistakesNameTheLine() {
        assertThatThrownBy(() -> read(Map.of("keypad.keys.2", "4 5 6")))
                .hasMessageContaining("keypad.keys.2 has 3 keys but keypad.columns has 4 pins");
        assertThatThrownBy(() -> read(Map.of("keypad.keys.3", "7 8 9 ENTER")))
                .hasMessageContaining("keypad.keys.3 'ENTER' is not a key");
        assertThatThrownBy(() -> read(Map.of("keypad.keys.5", "A B C D")))
                .hasMessageContaining("keypad.keys.5 is one row more than keypad.rows has pins");
        assertThatThrownBy(() -> read(Map.of("button.lien1", "7")))
                .hasMessageContaining("button.lien1 'lien1' is not a key");
    }

    @Test
    void keyNamesCoverDigitsKindsAndNumberedKeys() {
        assertThat(KeyNames.parse("#")).isEqualTo(Key.of(Key.Kind.POUND));
        assertThat(KeyNames.parse("7")).isEqualTo(Key.digit(7));
        assertThat(KeyNames.parse("volume-up")).isEqualTo(Key.of(Key.Kind.VOLUME_UP));
        assertThat(KeyNames.parse("Soft3")).isEqualTo(Key.soft(3));
        assertThat(KeyNames.parse("PROGRAMMABLE12")).isEqualTo(Key.programmable(12));
        assertThatThrownBy(() -> KeyNames.parse("LINE")).hasMessageContaining("'LINE' is not a key");
        assertThatThrownBy(() -> KeyNames.parse("HOLD2")).hasMessageContaining("'HOLD2' is not a key");
    }

    @Test
    void pinsLedsAndDisplaysOutsideWhatThePiHasAreRefused() {
        assertThatThrownBy(() -> read(Map.of("hook.pin", "40")))
                .hasMessageContaining("hook.pin GPIO40 is not on the Pi's header");
        assertThatThrownBy(() -> read(Map.of("hook.pin", "four")))
                .hasMessageContaining("hook.pin 'four' is not a number");
        assertThatThrownBy(() -> read(Map.of("hook.offhook", "up")))
                .hasMessageContaining("hook.offhook must be high or low");
        assertThatThrownBy(() -> read(Map.of("led.line.1", "blue:7")))
                .hasMessageContaining("led.line.1 'blue:7' is not PIN");
        assertThatThrownBy(() -> read(Map.of("led.line.1", "red:7")))
                .hasMessageContaining("led.line.1 a two-colour LED needs its green pin");
        assertThatThrownBy(() -> read(Map.of("led.power", "pwm:0@0")))
                .hasMessageContaining("brightness must be 1-100");
        assertThatThrownBy(() -> read(Map.of("led.aux", "7")))
                .hasMessageContaining("led.aux is not an LED");
        assertThatThrownBy(() -> read(Map.of("display", "40x2")))
                .hasMessageContaining("an HD44780 is 16x2, 16x4, 20x2 or 20x4, not 40x2");
        assertThatThrownBy(() -> read(Map.of("display.controller", "st7920")))
                .hasMessageContaining("display.controller 'st7920' is not known");
        assertThatThrownBy(() -> read(Map.of("display.controller", "ssd1306")))
                .hasMessageContaining("an SSD1306 panel is 128x64px/21x8, not 20x4");
        assertThatThrownBy(() -> read(Map.of("display.i2c.address", "0x80")))
                .hasMessageContaining("0x80 is not a 7-bit I2C device address");
        assertThatThrownBy(() -> read(Map.of("keypad.scan.ms", "0")))
                .hasMessageContaining("keypad.scan.ms must be 1-1000 ms");
    }

    @Test
    void anSsd1306DefaultsToItsUsualAddress() throws IOException {
        Map<String, String> changes = new HashMap<>();
        changes.put("display.controller", "ssd1306");
        changes.put("display", "128x64px/21x8");
        changes.put("display.i2c.address", "");
        assertThat(read(changes).display()).isEqualTo(new PiWiring.Display("ssd1306", 1, 0x3c, Ssd1306.GEOMETRY));
    }

    /** The reference descriptor with {@code changes} applied. */
    static PiWiring read(Map<String, String> changes) throws IOException {
        return PiWiring.read(descriptor(changes));
    }

    static BoardDescriptor descriptor(Map<String, String> changes) throws IOException {
        BoardDescriptor reference = BoardDescriptor.load(Path.of("board"), "rpi");
        Map<String, String> values = new HashMap<>(reference.values());
        values.putAll(changes);
        return new BoardDescriptor("rpi", reference.source(), values);
    }
}
