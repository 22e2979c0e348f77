package org.deskphone.hal.pi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An HD44780 behind a PCF8574 backpack, written from the datasheet to check the driver against: it reads
 * the port values the driver sends over I2C (P0=RS, P2=E, P3=backlight, P4-P7=D4-D7), latches a nibble on
 * every falling edge of E, starts in 8-bit mode as after power-on, and carries out the instructions on
 * its display RAM (two lines of 40 cells) and character-generator RAM (eight 5x8 glyphs).
 */
final class Hd44780Emulator {
    private final int[][] ddram = new int[2][40];
    private final int[] cgram = new int[64];
    private final List<String> log = new ArrayList<>();
    private int previousPort;
    private boolean fourBit;
    private Integer highNibble;
    private boolean addressingCgram;
    private int address;
    private boolean displayOn;
    private boolean twoLines;
    private boolean backlight;
    private int dataWrites;

    Hd44780Emulator() {
        for (int[] line : ddram) {
            Arrays.fill(line, 0x20);
        }
    }

    void feed(byte[] ports) {
        for (byte port : ports) {
            port(port & 0xFF);
        }
    }

    private void port(int port) {
        backlight = (port & 0x08) != 0;
        boolean enableFell = (previousPort & 0x04) != 0 && (port & 0x04) == 0;
        previousPort = port;
        if (!enableFell) {
            return;
        }
        int nibble = port >> 4;
        boolean rs = (port & 0x01) != 0;
        if (!fourBit) {
            // In 8-bit mode D0-D3 are not wired: they read as 0.
            execute(nibble << 4, rs);
            return;
        }
        if (highNibble == null) {
            highNibble = nibble;
            return;
        }
        int value = highNibble << 4 | nibble;
        highNibble = null;
        execute(value, rs);
    }

    private void execute(int value, boolean rs) {
        if (rs) {
            dataWrites++;
            if (addressingCgram) {
                cgram[address & 0x3F] = value & 0x1F;
                address = address + 1 & 0x3F;
            } else {
                int line = address >= 0x40 ? 1 : 0;
                ddram[line][address - line * 0x40] = value;
                address++;
                if (address == 0x28) {
                    address = 0x40;
                } else if (address == 0x68) {
                    address = 0x00;
                }
            }
            return;
        }
        log.add(String.format("%02X", value));
        if (value >= 0x80) {
            addressingCgram = false;
            address = value & 0x7F;
            if ((address & 0x3F) >= 40 || address >= 0x68) {
                throw new AssertionError("DDRAM address out of range: " + Integer.toHexString(address));
            }
        } else if (value >= 0x40) {
            addressingCgram = true;
            address = value & 0x3F;
        } else if (value >= 0x20) {
            fourBit = (value & 0x10) == 0;
            twoLines = (value & 0x08) != 0;
        } else if (value >= 0x08 && value < 0x10) {
            displayOn = (value & 0x04) != 0;
        } else if (value == 0x01) {
            for (int[] line : ddram) {
                Arrays.fill(line, 0x20);
            }
            addressingCgram = false;
            address = 0;
        }
    }

    /** The character codes shown in {@code row} of a display {@code columns} wide. */
    int[] codes(int row, int columns) {
        int line = row % 2;
        int start = row / 2 * columns;
        return Arrays.copyOfRange(ddram[line], start, start + columns);
    }

    /** The row as text: codes 0-7 (custom glyphs) appear as '0'-'7' after a backslash, others as themselves. */
    String row(int row, int columns) {
        StringBuilder text = new StringBuilder();
        for (int code : codes(row, columns)) {
            text.append(code < 8 ? "\\" + code : String.valueOf((char) code));
        }
        return text.toString();
    }

    int[] glyph(int slot) {
        return Arrays.copyOfRange(cgram, slot * 8, slot * 8 + 8);
    }

    boolean displayOn() {
        return displayOn;
    }

    boolean twoLines() {
        return twoLines;
    }

    boolean fourBit() {
        return fourBit;
    }

    boolean backlight() {
        return backlight;
    }

    int dataWrites() {
        return dataWrites;
    }

    /** The instructions (RS low) carried out so far, as hex. */
    List<String> instructions() {
        return log;
    }
}
