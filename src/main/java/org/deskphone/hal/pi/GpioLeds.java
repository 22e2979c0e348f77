package org.deskphone.hal.pi;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.pwm.Pwm;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.deskphone.hal.Led;
import org.deskphone.hal.LedState;
import org.deskphone.hal.Leds;
import org.tinylog.Logger;

/**
 * LEDs on GPIO pins (one- or two-colour) and on hardware PWM channels (dimmed), with a thread of its own
 * that blinks them. The phone loop sets a state once; this thread is the only one that writes the pins,
 * and every LED with the same pattern blinks in step with the others, as on a desk phone.
 *
 * <p>Patterns: {@code BLINK_FAST} is 4 Hz (ringing, an incoming BLF call), {@code BLINK_SLOW} 1 Hz (held,
 * waiting message). A single-colour LED shows every colour; a two-colour LED lights green, red, or both
 * for orange.
 *
 * <p>Descriptor: {@code led.message=24}, {@code led.line.1=green:25 red:26}, {@code led.power=pwm:0@40}
 * (channel 0 at 40 %).
 */
final class GpioLeds implements Leds {
    static final long FAST_PERIOD_MILLIS = 250;
    static final long SLOW_PERIOD_MILLIS = 1000;
    static final int PWM_HERTZ = 1000;
    private static final Duration TICK = Duration.ofMillis(25);

    private final Pins pins;
    private final Map<Led, Light> lights = new LinkedHashMap<>();
    private final Map<Led, LedState> wanted = new ConcurrentHashMap<>();
    private final ScanThread blinker;
    private final long epoch = System.nanoTime();

    GpioLeds(Pins pins, Map<Led, PiWiring.Lamp> wiring, Consumer<Exception> onError) {
        this.pins = pins;
        wiring.forEach((led, lamp) -> lights.put(led, lamp.isPwm()
                ? new PwmLight(pins.pwm(name(led) + "-pwm", lamp.pwmChannel(), PWM_HERTZ), lamp.brightness())
                : new GpioLight(pins.output(name(led) + "-green", lamp.green(), false),
                        lamp.red() == null ? null : pins.output(name(led) + "-red", lamp.red(), false))));
        blinker = new ScanThread("leds", TICK, () -> refresh((System.nanoTime() - epoch) / 1_000_000),
                e -> onError.accept(new IllegalStateException("LED write failed: " + e.getMessage(), e)));
    }

    /** Starts the blinking thread. */
    void start() {
        blinker.start();
    }

    @Override
    public void set(Led led, LedState state) {
        if (!lights.containsKey(led)) {
            Logger.debug("LED {} is not wired on this board; ignored", led);
            return;
        }
        wanted.put(led, state);
    }

    /** Writes every LED as it should look {@code elapsedMillis} into the blink cycle. */
    void refresh(long elapsedMillis) {
        for (Map.Entry<Led, Light> entry : lights.entrySet()) {
            LedState state = wanted.getOrDefault(entry.getKey(), LedState.OFF);
            entry.getValue().show(state.color(), lit(state.pattern(), elapsedMillis));
        }
    }

    static boolean lit(LedState.Pattern pattern, long elapsedMillis) {
        switch (pattern) {
            case ON:
                return true;
            case BLINK_FAST:
                return elapsedMillis % FAST_PERIOD_MILLIS < FAST_PERIOD_MILLIS / 2;
            case BLINK_SLOW:
                return elapsedMillis % SLOW_PERIOD_MILLIS < SLOW_PERIOD_MILLIS / 2;
            default:
                return false;
        }
    }

    private static String name(Led led) {
        return "led-" + led.kind().name().toLowerCase(Locale.ROOT) + (led.index() > 0 ? "-" + led.index() : "");
    }

    /** Turns every LED off and releases the pins. */
    @Override
    public void close() {
        blinker.close();
        wanted.clear();
        try {
            refresh(0);
        } catch (RuntimeException e) {
            Logger.warn("turning the LEDs off failed: {}", e.toString());
        }
        pins.close();
    }

    /** One LED's outputs; writes only when what it shows changes. */
    private interface Light {
        void show(LedState.Color color, boolean lit);
    }

    private static final class GpioLight implements Light {
        private final DigitalOutput green;
        private final DigitalOutput red;
        private Boolean greenOn;
        private Boolean redOn;

        GpioLight(DigitalOutput green, DigitalOutput red) {
            this.green = green;
            this.red = red;
        }

        @Override
        public void show(LedState.Color color, boolean lit) {
            boolean wantGreen = lit && (red == null || color != LedState.Color.RED);
            boolean wantRed = lit && red != null && color != LedState.Color.GREEN;
            if (!Boolean.valueOf(wantGreen).equals(greenOn)) {
                green.state(wantGreen ? DigitalState.HIGH : DigitalState.LOW);
                greenOn = wantGreen;
            }
            if (red != null && !Boolean.valueOf(wantRed).equals(redOn)) {
                red.state(wantRed ? DigitalState.HIGH : DigitalState.LOW);
                redOn = wantRed;
            }
        }
    }

    private static final class PwmLight implements Light {
        private final Pwm pwm;
        private final int brightness;
        private Boolean on;

        PwmLight(Pwm pwm, int brightness) {
            this.pwm = pwm;
            this.brightness = brightness;
        }

        @Override
        public void show(LedState.Color color, boolean lit) {
            if (Boolean.valueOf(lit).equals(on)) {
                return;
            }
            if (lit) {
                pwm.on(brightness, PWM_HERTZ);
            } else {
                pwm.off();
            }
            on = lit;
        }
    }
}
