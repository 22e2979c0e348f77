package org.deskphone.hal.pi;

import com.pi4j.io.i2c.I2C;
import java.util.Arrays;
import org.deskphone.hal.Geometry;
import org.deskphone.hal.Screen;

/**
 * A 128x64 OLED panel with an SSD1306 controller on I2C, showing 8 rows of 21 characters in the
 * {@link Font5x7} (6x8-pixel cells; one text row is one of the controller's 8-pixel pages). Every I2C
 * write starts with a control byte: {@code 0x00} when the rest are commands, {@code 0x40} when they are
 * display data. A screen is drawn by sending only the pages whose pixels changed.
 *
 * <p>Descriptor: {@code display.controller=ssd1306}, {@code display=128x64px/21x8},
 * {@code display.i2c.bus=1}, {@code display.i2c.address=0x3c}.
 */
final class Ssd1306 implements Panel {
    static final Geometry GEOMETRY = Geometry.pixels(128, 64, 21, 8);
    static final int WIDTH = 128;
    static final int PAGES = 8;
    static final int COMMANDS = 0x00;
    static final int DATA = 0x40;

    /**
     * The datasheet's software initialisation (SSD1306 application note, "Software Initialization"),
     * for a 128x64 panel on the internal charge pump, in horizontal addressing mode; the display is
     * turned on (0xAF) only after its RAM is cleared.
     */
    static final int[] INIT = {
        0xAE,       // display off
        0xD5, 0x80, // clock divide ratio and oscillator frequency: the reset value
        0xA8, 0x3F, // multiplex ratio: 64 lines
        0xD3, 0x00, // display offset 0
        0x40,       // display start line 0
        0x8D, 0x14, // charge pump on
        0x20, 0x00, // horizontal addressing mode
        0xA1,       // segment remap: column 127 is SEG0 (the panel's left edge)
        0xC8,       // COM scan from COM63 down (the panel's top edge)
        0xDA, 0x12, // COM pins: alternative configuration
        0x81, 0xCF, // contrast
        0xD9, 0xF1, // pre-charge period for the internal charge pump
        0xDB, 0x40, // VCOMH deselect level
        0xA4,       // show RAM contents
        0xA6,       // normal, not inverted
        0x2E,       // no scrolling
    };
    static final int DISPLAY_ON = 0xAF;
    static final int DISPLAY_OFF = 0xAE;
    static final int COLUMN_ADDRESS = 0x21;
    static final int PAGE_ADDRESS = 0x22;

    private final I2C bus;
    private final byte[][] shown = new byte[PAGES][WIDTH];
    private final byte[] page = new byte[WIDTH];

    Ssd1306(I2C bus) {
        this.bus = bus;
    }

    @Override
    public Geometry geometry() {
        return GEOMETRY;
    }

    @Override
    public void start() {
        commands(INIT);
        for (int p = 0; p < PAGES; p++) {
            Arrays.fill(shown[p], (byte) 0);
            send(p, shown[p]);
        }
        commands(DISPLAY_ON);
    }

    @Override
    public void draw(Screen screen) {
        if (!screen.geometry().equals(GEOMETRY)) {
            throw new IllegalArgumentException("screen laid out for " + screen.geometry() + " drawn on a " + GEOMETRY + " panel");
        }
        for (int p = 0; p < PAGES; p++) {
            Arrays.fill(page, (byte) 0);
            String line = screen.line(p);
            for (int cell = 0; cell < GEOMETRY.columns(); cell++) {
                Font5x7.columns(line.charAt(cell), page, cell * Font5x7.CELL_WIDTH);
            }
            if (!Arrays.equals(page, shown[p])) {
                send(p, page);
                System.arraycopy(page, 0, shown[p], 0, WIDTH);
            }
        }
    }

    @Override
    public void close() {
        commands(DISPLAY_OFF);
    }

    /** Points the controller at all columns of page {@code p}, then writes its 128 bytes. */
    private void send(int p, byte[] pixels) {
        commands(COLUMN_ADDRESS, 0, WIDTH - 1, PAGE_ADDRESS, p, p);
        byte[] bytes = new byte[1 + WIDTH];
        bytes[0] = DATA;
        System.arraycopy(pixels, 0, bytes, 1, WIDTH);
        bus.write(bytes);
    }

    private void commands(int... commands) {
        byte[] bytes = new byte[1 + commands.length];
        bytes[0] = COMMANDS;
        for (int i = 0; i < commands.length; i++) {
            bytes[i + 1] = (byte) commands[i];
        }
        bus.write(bytes);
    }
}
