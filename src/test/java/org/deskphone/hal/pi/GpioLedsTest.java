package org.deskphone.hal.pi;

import static org.assertj.core.api.Assertions.assertThat;

import com.pi4j.io.gpio.digital.DigitalState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.deskphone.hal.Led;
import org.deskphone.hal.LedState;
import org.deskphone.hal.LedState.Color;
import org.deskphone.hal.LedState.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reference wiring's LEDs on mock pins: message on GPIO24, line 1 two-colour on GPIO25 (green) and
 * GPIO26 (red), power on PWM channel 0 at 40 %. The test moves the blink clock itself.
 */
class GpioLedsTest {
    private static final Led MESSAGE = Led.of(Led.Kind.MESSAGE);
    private static final Led LINE1 = Led.line(1);
    private static final Led POWER = Led.of(Led.Kind.POWER);

    private final MockPi pi = new MockPi();
    private final List<Exception> errors = new ArrayList<>();
    private GpioLeds leds;

    @BeforeEach
    void wire() throws Exception {
        leds = new GpioLeds(pi.pins(), PiWiringTest.read(Map.of()).leds(), errors::add);
    }

    @AfterEach
    void release() {
        leds.close();
        pi.close();
    }

    @Test
    void aSingleColourLedFollowsOnAndOff() {
        leds.set(MESSAGE, LedState.on(Color.RED));
        leds.refresh(0);
        assertThat(pin("led-message-green")).isEqualTo(DigitalState.HIGH);
        leds.set(MESSAGE, LedState.OFF);
        leds.refresh(10);
        assertThat(pin("led-message-green")).isEqualTo(DigitalState.LOW);
    }

    @Test
    void aTwoColourLedMixesOrangeFromBoth() {
        leds.set(LINE1, LedState.on(Color.GREEN));
        leds.refresh(0);
        assertThat(line1()).isEqualTo("green");
        leds.set(LINE1, LedState.on(Color.RED));
        leds.refresh(0);
        assertThat(line1()).isEqualTo("red");
        leds.set(LINE1, LedState.on(Color.ORANGE));
        leds.refresh(0);
        assertThat(line1()).isEqualTo("green+red");
        leds.set(LINE1, LedState.OFF);
        leds.refresh(0);
        assertThat(line1()).isEqualTo("dark");
    }

    @Test
    void fastBlinkingIsFourTimesASecondAndSlowOnce() {
        leds.set(LINE1, new LedState(Color.RED, Pattern.BLINK_FAST)); // ringing
        leds.set(MESSAGE, new LedState(Color.GREEN, Pattern.BLINK_SLOW)); // waiting message
        List<String> seen = new ArrayList<>();
        for (long t : new long[] {0, 124, 125, 249, 250, 499, 500, 999, 1000}) {
            leds.refresh(t);
            seen.add(t + ":" + line1() + "/" + (pin("led-message-green") == DigitalState.HIGH ? "lit" : "dark"));
        }
        assertThat(seen).containsExactly(
                "0:red/lit", "124:red/lit", "125:dark/lit", "249:dark/lit", "250:red/lit",
                "499:dark/lit", "500:red/dark", "999:dark/dark", "1000:red/lit");
    }

    @Test
    void ledsWithThePatternBlinkInStep() {
        leds.set(LINE1, new LedState(Color.GREEN, Pattern.BLINK_SLOW));
        leds.set(MESSAGE, new LedState(Color.GREEN, Pattern.BLINK_SLOW));
        for (long t = 0; t < 2000; t += 25) {
            leds.refresh(t);
            assertThat(pin("led-message-green")).as("at %d ms", t).isEqualTo(pin("led-line-1-green"));
        }
    }

    @Test
    void aPwmLedLightsAtItsBrightness() {
        leds.set(POWER, LedState.on(Color.GREEN));
        leds.refresh(0);
        assertThat(pi.pwm("led-power-pwm").isOn()).isTrue();
        assertThat(pi.pwm("led-power-pwm").dutyCycle()).isEqualTo(40f);
        assertThat(pi.pwm("led-power-pwm").frequency()).isEqualTo(GpioLeds.PWM_HERTZ);
        leds.set(POWER, new LedState(Color.GREEN, Pattern.BLINK_SLOW));
        leds.refresh(600);
        assertThat(pi.pwm("led-power-pwm").isOn()).isFalse();
    }

    @Test
    void aSteadyLedIsWrittenOnceNotEveryTick() {
        List<DigitalState> writes = new ArrayList<>();
        pi.output("led-message-green").addListener(e -> writes.add(e.state()));
        leds.set(MESSAGE, LedState.on(Color.GREEN));
        for (long t = 0; t < 1000; t += 25) {
            leds.refresh(t);
        }
        assertThat(writes).containsExactly(DigitalState.HIGH);
    }

    @Test
    void anLedThisBoardDoesNotHaveIsIgnored() {
        leds.set(Led.programmable(7), LedState.on(Color.GREEN));
        leds.refresh(0);
        assertThat(errors).isEmpty();
    }

    @Test
    void theBlinkThreadBlinksOnItsOwn() throws Exception {
        List<DigitalState> writes = new CopyOnWriteArrayList<>();
        pi.output("led-line-1-red").addListener(e -> writes.add(e.state()));
        leds.set(LINE1, new LedState(Color.RED, Pattern.BLINK_FAST));
        leds.start();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (writes.size() < 4 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(writes.size()).as("pin changes within 5 s of 4 Hz blinking").isGreaterThanOrEqualTo(4);
        assertThat(errors).isEmpty();
    }

    @Test
    void closingTurnsEveryLedOffAndReleasesThePins() {
        leds.set(LINE1, LedState.on(Color.ORANGE));
        leds.set(POWER, LedState.on(Color.GREEN));
        leds.refresh(0);
        List<DigitalState> last = new ArrayList<>();
        pi.output("led-line-1-green").addListener(e -> last.add(e.state()));
        leds.close();
        assertThat(last).containsExactly(DigitalState.LOW);
        assertThat(pi.claimed("led-line-1-green")).isFalse();
        assertThat(pi.claimed("led-power-pwm")).isFalse();
    }

    private DigitalState pin(String id) {
        return pi.output(id).state();
    }

    private String line1() {
        boolean green = pin("led-line-1-green") == DigitalState.HIGH;
        boolean red = pin("led-line-1-red") == DigitalState.HIGH;
        return green && red ? "green+red" : green ? "green" : red ? "red" : "dark";
    }
}
