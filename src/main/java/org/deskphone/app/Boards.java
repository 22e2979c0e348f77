package org.deskphone.app;

import java.io.PrintStream;
import org.deskphone.hal.Board;
import org.deskphone.hal.BoardDescriptor;
import org.deskphone.hal.mock.PcBoard;
import org.deskphone.hal.mock.TerminalKeys;

/** Builds the board a descriptor names, from the driver family it declares. */
final class Boards {

    private Boards() {
    }

    static Board open(BoardDescriptor descriptor, PrintStream screenOut, TerminalKeys keys) {
        switch (descriptor.drivers()) {
            case "mock":
                return PcBoard.create(descriptor, screenOut, keys);
            default:
                throw new IllegalArgumentException(descriptor.source() + ": drivers '" + descriptor.drivers()
                        + "' are not known; this build has: mock");
        }
    }
}
