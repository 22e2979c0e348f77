package org.deskphone.hal.mock;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.deskphone.hal.Key;
import org.deskphone.hal.Key.Kind;
import org.tinylog.Logger;

/**
 * Turns a terminal in raw mode into the PC board's keypad and hook switch: one thread reads characters
 * and presses the mapped key on whichever board is attached now (a restart attaches a new board without a
 * second reader on the same terminal). The reader ends at end of input; it is a daemon because a blocked
 * read of standard input cannot be interrupted.
 */
public final class TerminalKeys {
    private static final int ESC = 27;
    private static final Map<Character, Key> LETTERS = Map.ofEntries(
            Map.entry('q', Key.soft(1)), Map.entry('w', Key.soft(2)), Map.entry('e', Key.soft(3)), Map.entry('r', Key.soft(4)),
            Map.entry('j', Key.line(1)), Map.entry('k', Key.line(2)), Map.entry('l', Key.line(3)),
            Map.entry('u', Key.programmable(1)), Map.entry('i', Key.programmable(2)),
            Map.entry('o', Key.programmable(3)), Map.entry('p', Key.programmable(4)),
            Map.entry('s', Key.of(Kind.SPEAKER)), Map.entry('g', Key.of(Kind.HEADSET)),
            Map.entry('b', Key.of(Kind.HOLD)), Map.entry('t', Key.of(Kind.TRANSFER)),
            Map.entry('c', Key.of(Kind.CONFERENCE)), Map.entry('a', Key.of(Kind.REDIAL)),
            Map.entry('d', Key.of(Kind.DND)), Map.entry('m', Key.of(Kind.MUTE)),
            Map.entry('+', Key.of(Kind.VOLUME_UP)), Map.entry('-', Key.of(Kind.VOLUME_DOWN)),
            Map.entry('v', Key.of(Kind.MESSAGE)), Map.entry('n', Key.of(Kind.MENU)),
            Map.entry('\r', Key.of(Kind.OK)), Map.entry('\n', Key.of(Kind.OK)),
            Map.entry((char) 127, Key.of(Kind.CANCEL)), Map.entry('\b', Key.of(Kind.CANCEL)));

    /** The key map as printed at start-up. */
    public static final List<String> HELP = List.of(
            "keys: 0-9 * #  dial pad        h        hook (lift / hang up)",
            "      q w e r  soft keys 1-4   j k l    line keys 1-3",
            "      u i o p  prog. keys 1-4  arrows   navigation",
            "      Enter    OK              Esc/Bksp cancel",
            "      s speaker  g headset  b hold  t transfer  c conference  a redial",
            "      d DND  m mute  + - volume  v messages  n menu    Ctrl-C  stop");

    private final InputStream in;
    private volatile MockKeypad keypad;
    private volatile MockHookSwitch hook;

    public TerminalKeys(InputStream in) {
        this.in = in;
    }

    /** Starts the reader thread. */
    public void start() {
        Thread reader = new Thread(this::read, "terminal-keys");
        reader.setDaemon(true);
        reader.start();
    }

    /** Routes keys to this board's keypad and hook from now on. */
    public void attach(MockKeypad newKeypad, MockHookSwitch newHook) {
        keypad = newKeypad;
        hook = newHook;
    }

    private void read() {
        try {
            int c;
            while ((c = in.read()) >= 0) {
                if (c == ESC) {
                    c = escapeSequence();
                    if (c < 0) {
                        press(Key.of(Kind.CANCEL));
                        continue;
                    }
                    Key arrow = arrow(c);
                    if (arrow != null) {
                        press(arrow);
                    }
                    continue;
                }
                if (c == 'h' || c == 'H') {
                    MockHookSwitch current = hook;
                    if (current != null) {
                        current.toggle();
                    }
                    continue;
                }
                Key key = keyFor((char) c);
                if (key != null) {
                    press(key);
                }
            }
        } catch (IOException e) {
            Logger.warn("terminal input failed: {}", e.getMessage());
        }
    }

    /** After ESC: the final byte of {@code ESC [ A} style sequences, or -1 for a lone Esc key. */
    private int escapeSequence() throws IOException {
        if (!waitForInput()) {
            return -1;
        }
        int c = in.read();
        if (c != '[' && c != 'O') {
            return -1;
        }
        return waitForInput() ? in.read() : -1;
    }

    private boolean waitForInput() throws IOException {
        for (int i = 0; i < 5 && in.available() == 0; i++) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return in.available() > 0;
    }

    private static Key arrow(int c) {
        switch (c) {
            case 'A':
                return Key.of(Kind.UP);
            case 'B':
                return Key.of(Kind.DOWN);
            case 'C':
                return Key.of(Kind.RIGHT);
            case 'D':
                return Key.of(Kind.LEFT);
            default:
                return null;
        }
    }

    /** The key a terminal character stands for, or null. */
    static Key keyFor(char c) {
        if ((c >= '0' && c <= '9') || c == '*' || c == '#') {
            return Key.dialPad(c);
        }
        return LETTERS.get(Character.toLowerCase(c));
    }

    private void press(Key key) {
        MockKeypad current = keypad;
        if (current != null) {
            current.press(key);
        }
    }
}
