package org.deskphone.app;

import java.io.PrintStream;
import java.util.function.Consumer;
import org.deskphone.hal.AudioDevice;
import org.deskphone.hal.Board;
import org.deskphone.hal.BoardDescriptor;
import org.deskphone.hal.mock.PcBoard;
import org.deskphone.hal.mock.TerminalKeys;
import org.deskphone.hal.mock.WavAudioDevice;
import org.deskphone.hal.pi.PiBoard;
import org.tinylog.Logger;

/** Builds the board a descriptor names, from the driver family it declares. */
final class Boards {

    private Boards() {
    }

    static Board open(BoardDescriptor descriptor, PrintStream screenOut, TerminalKeys keys) {
        return open(descriptor, screenOut, keys,
                e -> Logger.error(e, "board {}: {}", descriptor.name(), e.getMessage()));
    }

    /** {@code onError} receives what the drivers report from their own threads (a display that stopped answering). */
    static Board open(BoardDescriptor descriptor, PrintStream screenOut, TerminalKeys keys, Consumer<Exception> onError) {
        switch (descriptor.drivers()) {
            case "mock":
                return PcBoard.create(descriptor, screenOut, keys);
            case "pi":
                return PiBoard.create(descriptor, soundCard(descriptor), onError);
            default:
                throw new IllegalArgumentException(descriptor.source() + ": drivers '" + descriptor.drivers()
                        + "' are not known; this build has: mock, pi");
        }
    }

    /**
     * The sound card a hardware board names in {@code audio.device}. The Java Sound (ALSA) driver comes
     * with the media engine; until it is wired here the board hears silence, and says so.
     */
    private static AudioDevice soundCard(BoardDescriptor descriptor) {
        Logger.warn("board {}: this build has no ALSA sound driver yet; audio.device '{}' is not used and the phone hears silence",
                descriptor.name(), descriptor.get("audio.device").orElse(""));
        return new WavAudioDevice(null, null);
    }
}
