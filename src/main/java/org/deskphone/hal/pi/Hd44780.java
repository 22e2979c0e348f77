package org.deskphone.hal.pi;

import com.pi4j.io.i2c.I2C;
import java.util.Arrays;
import org.deskphone.hal.Geometry;
import org.deskphone.hal.Screen;

/**
 * A character LCD with an HD44780 controller behind a PCF8574 I2C backpack (16x2, 16x4, 20x2 or 20x4),
 * driven in 4-bit mode. The backpack wires its port to the LCD as P0=RS, P1=RW, P2=E, P3=backlight,
 * P4-P7=D4-D7, and updates the port after every byte, so one I2C write of four bytes (high nibble with E
 * high, then E low; low nibble likewise) hands the controller one byte on the falling edges of E.
 *
 * <p>The phone's {@link Icons} live in the eight custom glyphs (CGRAM), written once at start. A screen
 * is drawn by rewriting, row by row, only the span of cells that changed.
 *
 * <p>Descriptor: {@code display.controller=hd44780}, {@code display=20x4}, {@code display.i2c.bus=1},
 * {@code display.i2c.address=0x27} (0x3f for a PCF8574A).
 */
final class Hd44780 implements Panel {
    static final int RS = 0x01;
    static final int ENABLE = 0x04;
    static final int BACKLIGHT = 0x08;

    static final int CLEAR = 0x01;
    static final int ENTRY_LEFT_TO_RIGHT = 0x06;
    static final int DISPLAY_OFF = 0x08;
    static final int DISPLAY_ON = 0x0C;
    static final int FUNCTION_4BIT_2LINES_5X8 = 0x28;
    static final int SET_CGRAM_ADDRESS = 0x40;
    static final int SET_DDRAM_ADDRESS = 0x80;

    private final I2C bus;
    private final Geometry geometry;
    private final Pause pause;
    private final int[] rowAddresses;
    private final int[][] shown;
    private int backlight = BACKLIGHT;

    Hd44780(I2C bus, Geometry geometry, Pause pause) {
        this.bus = bus;
        this.geometry = geometry;
        this.pause = pause;
        // DDRAM addresses of each row's first cell: rows 3 and 4 continue rows 1 and 2.
        this.rowAddresses = new int[] {0x00, 0x40, geometry.columns(), 0x40 + geometry.columns()};
        this.shown = new int[geometry.rows()][geometry.columns()];
    }

    @Override
    public Geometry geometry() {
        return geometry;
    }

    /** The datasheet's "initialising by instruction" for 4-bit mode (HD44780U, figure 24). */
    @Override
    public void start() {
        backlight = BACKLIGHT;
        pause.micros(50_000);
        nibble(0x3, 0);
        pause.micros(4_500);
        nibble(0x3, 0);
        pause.micros(150);
        nibble(0x3, 0);
        pause.micros(150);
        nibble(0x2, 0);
        command(FUNCTION_4BIT_2LINES_5X8);
        command(DISPLAY_OFF);
        command(CLEAR);
        pause.micros(2_000);
        command(ENTRY_LEFT_TO_RIGHT);
        for (int slot = 0; slot < Icons.CHARACTERS.length(); slot++) {
            defineGlyph(slot, Icons.rows(slot));
        }
        command(DISPLAY_ON);
        for (int[] row : shown) {
            Arrays.fill(row, ' ');
        }
    }

    /** Writes one custom glyph: 8 rows of 5 pixels into CGRAM slot {@code slot}. */
    void defineGlyph(int slot, int[] rows) {
        command(SET_CGRAM_ADDRESS | slot << 3);
        byte[] bytes = new byte[rows.length * 4];
        for (int i = 0; i < rows.length; i++) {
            pack(rows[i] & 0x1F, RS, bytes, i * 4);
        }
        bus.write(bytes);
    }

    @Override
    public void draw(Screen screen) {
        if (!screen.geometry().equals(geometry)) {
            throw new IllegalArgumentException("screen laid out for " + screen.geometry() + " drawn on a " + geometry + " LCD");
        }
        for (int row = 0; row < geometry.rows(); row++) {
            String line = screen.line(row);
            int[] codes = new int[geometry.columns()];
            for (int column = 0; column < codes.length; column++) {
                codes[column] = CharacterRom.code(line.charAt(column));
            }
            int first = 0;
            while (first < codes.length && codes[first] == shown[row][first]) {
                first++;
            }
            if (first == codes.length) {
                continue;
            }
            int last = codes.length - 1;
            while (codes[last] == shown[row][last]) {
                last--;
            }
            command(SET_DDRAM_ADDRESS | rowAddresses[row] + first);
            byte[] bytes = new byte[(last - first + 1) * 4];
            for (int column = first; column <= last; column++) {
                pack(codes[column], RS, bytes, (column - first) * 4);
            }
            bus.write(bytes);
            System.arraycopy(codes, first, shown[row], first, last - first + 1);
        }
    }

    @Override
    public void close() {
        backlight = 0;
        command(DISPLAY_OFF);
    }

    private void command(int command) {
        byte[] bytes = new byte[4];
        pack(command, 0, bytes, 0);
        bus.write(bytes);
    }

    /** One byte as two nibbles, each latched by E going high then low. */
    private void pack(int value, int rs, byte[] into, int offset) {
        int high = value & 0xF0 | backlight | rs;
        int low = value << 4 & 0xF0 | backlight | rs;
        into[offset] = (byte) (high | ENABLE);
        into[offset + 1] = (byte) high;
        into[offset + 2] = (byte) (low | ENABLE);
        into[offset + 3] = (byte) low;
    }

    /** A lone nibble, as the controller takes it while it may still be in 8-bit mode. */
    private void nibble(int value, int rs) {
        int port = value << 4 | backlight | rs;
        bus.write(new byte[] {(byte) (port | ENABLE), (byte) port});
    }
}
