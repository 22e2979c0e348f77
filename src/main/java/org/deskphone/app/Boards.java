package org.deskphone.app;

import java.io.PrintStream;
import java.util.function.Consumer;
import org.deskphone.hal.AudioDevice;
import org.deskphone.hal.Board;
import org.deskphone.hal.BoardDescriptor;
import org.deskphone.hal.mock.PcBoard;
import org.deskphone.hal.mock.TerminalKeys;
import org.deskphone.hal.nm.NetworkManagerNetwork;
import org.deskphone.hal.pi.PiBoard;
import org.deskphone.hal.sound.JavaSoundAudioDevice;
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
        Board board;
        switch (descriptor.drivers()) {
            case "mock":
                board = PcBoard.create(descriptor, screenOut, keys);
                break;
            case "pi":
                board = PiBoard.create(descriptor, soundCard(descriptor), onError);
                break;
            default:
                throw new IllegalArgumentException(descriptor.source() + ": drivers '" + descriptor.drivers()
                        + "' are not known; this build has: mock, pi");
        }
        return withNetwork(board);
    }

    /** The descriptor's {@code network}: {@code host} (observe the system, the default) or {@code networkmanager}. */
    static Board withNetwork(Board board) {
        BoardDescriptor descriptor = board.descriptor();
        switch (descriptor.get("network").orElse("host")) {
            case "host":
                return board;
            case "networkmanager":
                return board.withNetwork(NetworkManagerNetwork.fromDescriptor(descriptor));
            default:
                throw new IllegalArgumentException(descriptor.source() + ": network '" + descriptor.get("network").get()
                        + "' is not known; this build has: host, networkmanager");
        }
    }

    /**
     * The sound card a hardware board names in {@code audio.device} (empty: the system's default), through
     * Java Sound (ALSA), with the line buffers of {@code audio.buffer.ms} (default 20).
     */
    static AudioDevice soundCard(BoardDescriptor descriptor) {
        String buffer = descriptor.get("audio.buffer.ms").orElse("20").trim();
        try {
            return new JavaSoundAudioDevice(descriptor.get("audio.device").orElse(""), Integer.parseInt(buffer));
        } catch (IllegalArgumentException e) { // NumberFormatException included
            throw new IllegalArgumentException(descriptor.source() + ": audio.buffer.ms '" + buffer + "': 5-500 milliseconds expected", e);
        }
    }
}
