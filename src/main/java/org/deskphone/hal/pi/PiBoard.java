package org.deskphone.hal.pi;

import com.pi4j.context.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.deskphone.hal.AudioDevice;
import org.deskphone.hal.Board;
import org.deskphone.hal.BoardDescriptor;
import org.tinylog.Logger;

/**
 * The Raspberry Pi board: keypad and buttons, hook switch and LEDs on GPIO, the display on I2C, all
 * wired as its descriptor says ({@code drivers=pi}; {@code board/rpi/board.properties} documents every
 * key). The sound card is not built here: the composition root passes the {@link AudioDevice} for the
 * descriptor's {@code audio.device}, so this package stays free of Java Sound.
 *
 * <p>Drivers hand their errors (a display that stopped answering, a pin that cannot be read) to
 * {@code onError}, from their own threads; the phone decides what to do with them.
 */
public final class PiBoard {

    private PiBoard() {
    }

    /** Builds the board on the Pi's own GPIO, I2C and PWM. */
    public static Board create(BoardDescriptor descriptor, AudioDevice audio, Consumer<Exception> onError) {
        Context context;
        try {
            context = PiPlatform.context();
        } catch (RuntimeException e) {
            throw new IllegalStateException(descriptor.source() + ": board needs a Raspberry Pi's GPIO and I2C;"
                    + " pi4j could not start: " + e.getMessage(), e);
        }
        try {
            return create(context, descriptor, audio, onError);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(descriptor.source() + ": " + e.getMessage()
                    + " (is this a Raspberry Pi with I2C enabled, and is no other program, such as a running phone, holding the pins?)", e);
        }
    }

    /**
     * Builds the board in {@code context}: pi4j's mock platform in tests. A wiring mistake fails here,
     * naming the descriptor key, before any pin is claimed; when a driver cannot start, every pin
     * claimed so far is released.
     */
    public static Board create(Context context, BoardDescriptor descriptor, AudioDevice audio, Consumer<Exception> onError) {
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(onError, "onError");
        PiWiring wiring = PiWiring.read(descriptor);
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            GpioKeypad keypad = opened(opened, new GpioKeypad(pins(opened, context), wiring.keypad(), onError));
            GpioHookSwitch hook = opened(opened, new GpioHookSwitch(pins(opened, context), wiring.hook(), onError));
            GpioLeds leds = opened(opened, new GpioLeds(pins(opened, context), wiring.leds(), onError));
            LcdDisplay display = opened(opened, display(pins(opened, context), wiring.display(), onError));
            leds.start();
            display.start();
            Logger.info("Pi board {}: {} display at I2C {}/0x{}, {}x{} keypad, {} buttons, {} LEDs, audio {}",
                    descriptor.name(), wiring.display().controller(), wiring.display().bus(),
                    Integer.toHexString(wiring.display().address()), wiring.keypad().rows().size(),
                    wiring.keypad().columns().size(), wiring.keypad().buttons().size(), wiring.leds().size(), audio.name());
            return new Board(descriptor, keypad, hook, display, leds, audio);
        } catch (RuntimeException e) {
            for (int i = opened.size() - 1; i >= 0; i--) {
                try {
                    opened.get(i).close();
                } catch (Exception closing) {
                    e.addSuppressed(closing);
                }
            }
            throw e;
        }
    }

    private static LcdDisplay display(Pins pins, PiWiring.Display wiring, Consumer<Exception> onError) {
        Panel panel = wiring.controller().equals(PiWiring.SSD1306)
                ? new Ssd1306(pins.i2c("display", wiring.bus(), wiring.address()))
                : new Hd44780(pins.i2c("display", wiring.bus(), wiring.address()), wiring.geometry(), Panel.Pause.SLEEP);
        return new LcdDisplay(panel, pins, onError);
    }

    /** A driver's pins, released with the others should a later driver fail to start. */
    private static Pins pins(List<AutoCloseable> opened, Context context) {
        return opened(opened, new Pins(context));
    }

    private static <T extends AutoCloseable> T opened(List<AutoCloseable> opened, T driver) {
        opened.add(driver);
        return driver;
    }
}
