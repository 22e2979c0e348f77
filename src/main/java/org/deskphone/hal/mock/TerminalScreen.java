package org.deskphone.hal.mock;

import java.io.PrintStream;
import org.deskphone.hal.Screen;

/** Draws the PC board's LCD as a framed block of text, each time it changes. */
public final class TerminalScreen {
    private final PrintStream out;

    public TerminalScreen(PrintStream out) {
        this.out = out;
    }

    public void draw(Screen screen) {
        String border = "+" + "-".repeat(screen.geometry().columns()) + "+";
        StringBuilder block = new StringBuilder(border).append('\n');
        for (String line : screen.lines()) {
            block.append('|').append(line).append("|\n");
        }
        block.append(border);
        synchronized (out) {
            out.println(block);
            out.flush();
        }
    }
}
