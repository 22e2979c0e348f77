package org.deskphone.hal.pi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An SSD1306 on I2C, written from its datasheet to check the driver against: each transaction starts with
 * a control byte (0x00: commands follow, 0x40: display data follows); commands are parsed with their
 * argument bytes; data goes to the display RAM (8 pages of 128 column bytes, bit 0 on top) in horizontal
 * addressing mode, wrapping within the column and page windows set by 0x21 and 0x22.
 */
final class Ssd1306Emulator {
    private final byte[][] ram = new byte[8][128];
    private final List<String> commands = new ArrayList<>();
    private int columnStart;
    private int columnEnd = 127;
    private int pageStart;
    private int pageEnd = 7;
    private int column;
    private int page;
    private boolean displayOn;
    private boolean chargePump;
    private int addressingMode = 2;
    private int dataTransactions;

    void feed(List<byte[]> transactions) {
        for (byte[] transaction : transactions) {
            int control = transaction[0] & 0xFF;
            if (control == 0x40) {
                dataTransactions++;
                for (int i = 1; i < transaction.length; i++) {
                    data(transaction[i]);
                }
            } else if (control == 0x00) {
                commands(transaction);
            } else {
                throw new AssertionError("control byte " + Integer.toHexString(control) + " is neither 0x00 nor 0x40");
            }
        }
    }

    private void commands(byte[] transaction) {
        int i = 1;
        while (i < transaction.length) {
            int command = transaction[i++] & 0xFF;
            int arguments = arguments(command);
            int[] args = new int[arguments];
            for (int a = 0; a < arguments; a++) {
                if (i >= transaction.length) {
                    throw new AssertionError("command " + Integer.toHexString(command) + " lacks its arguments");
                }
                args[a] = transaction[i++] & 0xFF;
            }
            StringBuilder text = new StringBuilder(String.format("%02X", command));
            for (int arg : args) {
                text.append(String.format(" %02X", arg));
            }
            commands.add(text.toString());
            apply(command, args);
        }
    }

    private static int arguments(int command) {
        switch (command) {
            case 0x21:
            case 0x22:
                return 2;
            case 0x20:
            case 0x81:
            case 0x8D:
            case 0xA8:
            case 0xD3:
            case 0xD5:
            case 0xD9:
            case 0xDA:
            case 0xDB:
                return 1;
            default:
                return 0;
        }
    }

    private void apply(int command, int[] args) {
        switch (command) {
            case 0xAE:
                displayOn = false;
                break;
            case 0xAF:
                displayOn = true;
                break;
            case 0x8D:
                chargePump = args[0] == 0x14;
                break;
            case 0x20:
                addressingMode = args[0];
                break;
            case 0x21:
                columnStart = args[0];
                columnEnd = args[1];
                column = columnStart;
                break;
            case 0x22:
                pageStart = args[0];
                pageEnd = args[1];
                page = pageStart;
                break;
            default:
                break;
        }
    }

    private void data(byte value) {
        if (addressingMode != 0) {
            throw new AssertionError("data sent outside horizontal addressing mode");
        }
        ram[page][column] = value;
        if (++column > columnEnd) {
            column = columnStart;
            if (++page > pageEnd) {
                page = pageStart;
            }
        }
    }

    byte[] page(int p) {
        return ram[p].clone();
    }

    /** Columns {@code from} (inclusive) to {@code to} (exclusive) of page {@code p} as 8 lines of '#' and '.'. */
    String art(int p, int from, int to) {
        StringBuilder art = new StringBuilder();
        for (int bit = 0; bit < 8; bit++) {
            for (int c = from; c < to; c++) {
                art.append((ram[p][c] >> bit & 1) != 0 ? '#' : '.');
            }
            art.append('\n');
        }
        return art.toString();
    }

    boolean blank() {
        for (byte[] p : ram) {
            for (byte b : p) {
                if (b != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    boolean displayOn() {
        return displayOn;
    }

    boolean chargePump() {
        return chargePump;
    }

    int dataTransactions() {
        return dataTransactions;
    }

    List<String> commands() {
        return commands;
    }

    @Override
    public String toString() {
        return Arrays.deepToString(ram);
    }
}
