package org.deskphone.hal.mock;

import java.io.PrintStream;
import java.nio.file.Path;
import org.deskphone.hal.Board;
import org.deskphone.hal.BoardDescriptor;

/**
 * The PC board: mock drivers everywhere, the LCD drawn in the terminal, keys from the terminal (when it
 * is one) and audio from and to WAV files.
 *
 * <p>Descriptor keys: {@code drivers=mock}, {@code display=20x4}, optional {@code audio.capture} and
 * {@code audio.playback} WAV paths, relative to the descriptor's folder.
 */
public final class PcBoard {

    private PcBoard() {
    }

    /**
     * Builds the board. {@code screenOut} receives the drawn LCD (null: draw nowhere); {@code keys}, when
     * not null, is attached to the new keypad and hook.
     */
    public static Board create(BoardDescriptor descriptor, PrintStream screenOut, TerminalKeys keys) {
        MockDisplay display = screenOut == null
                ? new MockDisplay(descriptor.display())
                : new MockDisplay(descriptor.display(), new TerminalScreen(screenOut)::draw);
        MockKeypad keypad = new MockKeypad();
        MockHookSwitch hook = new MockHookSwitch();
        if (keys != null) {
            keys.attach(keypad, hook);
        }
        Path folder = descriptor.source().getParent();
        WavAudioDevice audio = new WavAudioDevice(
                descriptor.get("audio.capture").map(folder::resolve).orElse(null),
                descriptor.get("audio.playback").map(folder::resolve).orElse(null));
        return new Board(descriptor, keypad, hook, display, new MockLeds(), audio);
    }
}
