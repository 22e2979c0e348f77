package org.deskphone.app;

import java.io.PrintStream;
import org.deskphone.hal.Board;
import org.deskphone.hal.BoardDescriptor;
import org.deskphone.hal.mock.PcBoard;
import org.deskphone.hal.mock.TerminalKeys;
import org.deskphone.hal.nm.NetworkManagerNetwork;

/** Builds the board a descriptor names, from the driver family it declares. */
final class Boards {

    private Boards() {
    }

    static Board open(BoardDescriptor descriptor, PrintStream screenOut, TerminalKeys keys) {
        Board board;
        switch (descriptor.drivers()) {
            case "mock":
                board = PcBoard.create(descriptor, screenOut, keys);
                break;
            default:
                throw new IllegalArgumentException(descriptor.source() + ": drivers '" + descriptor.drivers()
                        + "' are not known; this build has: mock");
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
}
