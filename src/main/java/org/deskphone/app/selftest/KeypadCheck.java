package org.deskphone.app.selftest;

import java.time.Duration;
import org.deskphone.hal.Key;
import org.deskphone.hal.KeyEvent;
import org.deskphone.hal.mock.MockKeypad;

/**
 * Keys respond: on a keypad software can press (the PC board's), a pressed key must reach the phone
 * loop as a down and an up; on a hardware keypad, which nobody is pressing during the test, no key may
 * report itself down (a stuck key or a miswired matrix does).
 */
final class KeypadCheck implements Check {
    private static final Duration QUIET = Duration.ofMillis(300);
    private static final Duration WAIT = Duration.ofSeconds(2);

    @Override
    public String name() {
        return "keypad";
    }

    @Override
    public CheckResult run(Bench bench) throws Exception {
        KeyEvent stray = bench.nextKey(QUIET);
        if (stray != null) {
            return CheckResult.fail(stray.key() + " reports itself " + (stray.down() ? "down" : "up")
                    + " while nobody presses it: a stuck key or a miswired matrix");
        }
        if (!(bench.board().keypad() instanceof MockKeypad)) {
            return errorsOr(bench, CheckResult.pass("scanning; no key down at rest"));
        }
        Key pound = Key.dialPad('#');
        ((MockKeypad) bench.board().keypad()).press(pound);
        KeyEvent down = bench.nextKey(WAIT);
        KeyEvent up = bench.nextKey(WAIT);
        if (!KeyEvent.down(pound).equals(down) || !KeyEvent.up(pound).equals(up)) {
            return CheckResult.fail("pressed " + pound + "; the phone loop saw " + down + ", " + up);
        }
        return CheckResult.pass("a pressed key reached the phone loop: " + down + ", " + up);
    }

    static CheckResult errorsOr(Bench bench, CheckResult result) {
        return bench.driverErrors().isEmpty() ? result
                : CheckResult.fail("driver reported: " + bench.driverErrors().get(0).getMessage());
    }
}
