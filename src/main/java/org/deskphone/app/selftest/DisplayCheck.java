package org.deskphone.app.selftest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.deskphone.hal.Display;
import org.deskphone.hal.Geometry;
import org.deskphone.hal.Screen;
import org.deskphone.hal.mock.MockDisplay;

/**
 * The display writes: a test screen that fills every cell is shown; the PC board's display is read
 * back, a hardware display must take it without its driver reporting an error.
 */
final class DisplayCheck implements Check {
    private static final Duration SETTLE = Duration.ofMillis(1500);

    @Override
    public String name() {
        return "display";
    }

    @Override
    public CheckResult run(Bench bench) throws Exception {
        Display display = bench.board().display();
        Geometry geometry = display.geometry();
        Screen test = testScreen(geometry);
        bench.loop().ask(() -> {
            display.show(test);
            return null;
        }).get();
        if (display instanceof MockDisplay) {
            Screen shown = ((MockDisplay) display).screen();
            return shown.equals(test) ? CheckResult.pass("showed and read back a full " + geometry + " test screen")
                    : CheckResult.fail("showed a test screen but the display holds:\n" + shown);
        }
        Thread.sleep(SETTLE.toMillis());
        return KeypadCheck.errorsOr(bench, CheckResult.pass("drew a full " + geometry + " test screen; the driver reported no error"));
    }

    /** Every cell filled: a title, then rows of the alphabet and digits, so a dead segment shows. */
    static Screen testScreen(Geometry geometry) {
        String pattern = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        List<String> lines = new ArrayList<>();
        lines.add(("deskphone selftest" + " ".repeat(geometry.columns())).substring(0, geometry.columns()));
        for (int row = 1; row < geometry.rows(); row++) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < geometry.columns(); column++) {
                line.append(pattern.charAt((row * geometry.columns() + column) % pattern.length()));
            }
            lines.add(line.toString());
        }
        return Screen.of(geometry, lines);
    }
}
