package org.deskphone.hal.pi;

import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.deskphone.hal.Key;
import org.deskphone.hal.KeyEvent;
import org.deskphone.hal.Keypad;

/**
 * A matrix keypad and direct buttons on GPIO, scanned by a thread of its own.
 *
 * <p>Each pass drives one row low at a time (the others rest high) and reads the columns, which have the
 * Pi's pull-ups, so a pressed key pulls its column low; a direct button is a contact from its pin to
 * ground. Every key has its own {@link Debouncer}, so several keys held together are reported each on
 * its own, and a key held for seconds is one {@code down} and, on release, one {@code up} (the phone
 * measures long presses from the two). One diode per row keeps two keys pressed in the same column from
 * shorting two driven rows; see {@code board/rpi/README.md}.
 *
 * <p>Descriptor: {@code keypad.rows=5 6 13 16}, {@code keypad.columns=17 22 23 27},
 * {@code keypad.keys.1=1 2 3 UP} (one line per row), {@code button.hold=10}, {@code keypad.scan.ms=5},
 * {@code keypad.debounce.ms=20}.
 */
final class GpioKeypad implements Keypad {
    private static final Consumer<KeyEvent> CLOSED = event -> { };

    private final Pins pins;
    private final List<DigitalOutput> rows = new ArrayList<>();
    private final List<DigitalInput> columns = new ArrayList<>();
    private final Key[][] keys;
    private final Debouncer[][] matrix;
    private final List<Key> buttonKeys = new ArrayList<>();
    private final List<DigitalInput> buttonPins = new ArrayList<>();
    private final List<Debouncer> buttons = new ArrayList<>();
    private final ScanThread scanner;
    private volatile Consumer<KeyEvent> listener = CLOSED;

    GpioKeypad(Pins pins, PiWiring.Keypad wiring, Consumer<Exception> onError) {
        this.pins = pins;
        int samples = Debouncer.samplesFor(wiring.debounceMillis(), wiring.scanMillis());
        for (int pin : wiring.rows()) {
            rows.add(pins.output("keypad-row-" + pin, pin, true));
        }
        for (int pin : wiring.columns()) {
            columns.add(pins.inputPulledUp("keypad-column-" + pin, pin));
        }
        keys = new Key[rows.size()][columns.size()];
        matrix = new Debouncer[rows.size()][columns.size()];
        for (int row = 0; row < rows.size(); row++) {
            for (int column = 0; column < columns.size(); column++) {
                keys[row][column] = wiring.key(row, column);
                matrix[row][column] = new Debouncer(samples, false);
            }
        }
        for (Map.Entry<Key, Integer> button : wiring.buttons().entrySet()) {
            buttonKeys.add(button.getKey());
            buttonPins.add(pins.inputPulledUp("button-" + button.getValue(), button.getValue()));
            buttons.add(new Debouncer(samples, false));
        }
        scanner = new ScanThread("keypad", Duration.ofMillis(wiring.scanMillis()), this::scan,
                e -> onError.accept(new IllegalStateException("keypad scan failed: " + e.getMessage(), e)));
    }

    @Override
    public void open(Consumer<KeyEvent> newListener) {
        listen(newListener);
        scanner.start();
    }

    /** Delivers events to {@code newListener} without starting the thread: tests call {@link #scan()}. */
    void listen(Consumer<KeyEvent> newListener) {
        listener = Objects.requireNonNull(newListener, "listener");
    }

    /** One pass over the matrix and the buttons. */
    void scan() {
        for (int row = 0; row < rows.size(); row++) {
            DigitalOutput line = rows.get(row);
            line.low();
            try {
                for (int column = 0; column < columns.size(); column++) {
                    Key key = keys[row][column];
                    if (key != null) {
                        debounce(key, matrix[row][column], columns.get(column).isLow());
                    }
                }
            } finally {
                line.high();
            }
        }
        for (int i = 0; i < buttons.size(); i++) {
            debounce(buttonKeys.get(i), buttons.get(i), buttonPins.get(i).isLow());
        }
    }

    private void debounce(Key key, Debouncer debouncer, boolean pressed) {
        if (debouncer.sample(pressed)) {
            listener.accept(debouncer.state() ? KeyEvent.down(key) : KeyEvent.up(key));
        }
    }

    @Override
    public void close() {
        listener = CLOSED;
        scanner.close();
        pins.close();
    }
}
