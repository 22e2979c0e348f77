package org.deskphone.app.selftest;

import java.util.List;
import org.deskphone.hal.Led;
import org.deskphone.hal.LedState;
import org.deskphone.hal.Leds;
import org.deskphone.hal.mock.MockLeds;

/** The LEDs switch: each is lit and put out again, read back on the PC board, error-free on hardware. */
final class LedsCheck implements Check {
    private static final List<Led> LEDS = List.of(Led.of(Led.Kind.POWER), Led.of(Led.Kind.MESSAGE), Led.line(1),
            Led.of(Led.Kind.SPEAKER), Led.of(Led.Kind.HEADSET), Led.of(Led.Kind.MUTE));

    @Override
    public String name() {
        return "leds";
    }

    @Override
    public CheckResult run(Bench bench) throws Exception {
        Leds leds = bench.board().leds();
        for (Led led : LEDS) {
            leds.set(led, LedState.on(LedState.Color.GREEN));
            if (leds instanceof MockLeds && ((MockLeds) leds).state(led).isOff()) {
                return CheckResult.fail(led + " did not light");
            }
        }
        // Long enough for a blinking driver's thread to write every pin at least once.
        Thread.sleep(200);
        for (Led led : LEDS) {
            leds.set(led, LedState.OFF);
        }
        Thread.sleep(200);
        if (leds instanceof MockLeds && !((MockLeds) leds).lit().isEmpty()) {
            return CheckResult.fail("still lit after switching off: " + ((MockLeds) leds).lit().keySet());
        }
        return KeypadCheck.errorsOr(bench, CheckResult.pass("lit and put out " + LEDS.size() + " LEDs"));
    }
}
