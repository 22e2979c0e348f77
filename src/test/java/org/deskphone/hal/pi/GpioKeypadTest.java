package org.deskphone.hal.pi;

import static org.assertj.core.api.Assertions.assertThat;

import com.pi4j.io.gpio.digital.DigitalState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deskphone.hal.Key;
import org.deskphone.hal.KeyEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The matrix keypad on pi4j's mock pins, scanned pass by pass by the test: the reference wiring's 4x4
 * matrix (5 ms scans, 20 ms debounce: a change counts after 4 agreeing scans) and its direct buttons.
 */
class GpioKeypadTest {
    private static final int SETTLE = 4;

    private final MockPi pi = new MockPi();
    private final List<KeyEvent> events = new ArrayList<>();
    private final List<Exception> errors = new ArrayList<>();
    private PiWiring.Keypad wiring;
    private GpioKeypad keypad;
    private KeyMatrixSimulator matrix;

    @BeforeEach
    void wire() throws Exception {
        wiring = PiWiringTest.read(Map.of()).keypad();
        keypad = new GpioKeypad(pi.pins(), wiring, errors::add);
        keypad.listen(events::add);
        matrix = new KeyMatrixSimulator(pi, wiring.rows(), wiring.columns());
        // The buttons' pull-ups hold them high while nobody presses them.
        for (int pin : wiring.buttons().values()) {
            pi.input("button-" + pin).mockState(DigitalState.HIGH);
        }
    }

    @AfterEach
    void release() {
        keypad.close();
        pi.close();
    }

    @Test
    void aPressIsOneDownOnceTheContactHasSettledAndOneUpAfterRelease() {
        matrix.press(1, 1); // '5'
        scan(SETTLE - 1);
        assertThat(events).as("not before the debounce time").isEmpty();
        scan(1);
        assertThat(events).containsExactly(KeyEvent.down(Key.digit(5)));

        matrix.release(1, 1);
        scan(SETTLE);
        assertThat(events).containsExactly(KeyEvent.down(Key.digit(5)), KeyEvent.up(Key.digit(5)));
        assertThat(errors).isEmpty();
    }

    @Test
    void aBouncingContactGivesOneDown() {
        for (int i = 0; i < 6; i++) {
            matrix.press(0, 3); // UP
            scan(1);
            matrix.release(0, 3);
            scan(1);
        }
        assertThat(events).as("bounces shorter than the debounce time are not presses").isEmpty();
        matrix.press(0, 3);
        scan(SETTLE + 10);
        assertThat(events).containsExactly(KeyEvent.down(Key.of(Key.Kind.UP)));
    }

    @Test
    void severalKeysHeldTogetherAreEachReported() {
        matrix.press(0, 0); // 1
        matrix.press(2, 2); // 9
        matrix.press(3, 2); // # (same column as 9: told apart by the rows)
        matrix.press(1, 3); // DOWN
        scan(SETTLE);
        assertThat(events).containsExactlyInAnyOrder(KeyEvent.down(Key.digit(1)), KeyEvent.down(Key.digit(9)),
                KeyEvent.down(Key.of(Key.Kind.POUND)), KeyEvent.down(Key.of(Key.Kind.DOWN)));

        events.clear();
        matrix.release(2, 2);
        scan(SETTLE);
        assertThat(events).containsExactly(KeyEvent.up(Key.digit(9)));
    }

    @Test
    void aLongPressIsOneDownHoweverLongItLastsThenOneUp() {
        matrix.press(3, 3); // CANCEL
        scan(600); // three seconds of 5 ms scans
        assertThat(events).containsExactly(KeyEvent.down(Key.of(Key.Kind.CANCEL)));
        matrix.release(3, 3);
        scan(SETTLE);
        assertThat(events).containsExactly(KeyEvent.down(Key.of(Key.Kind.CANCEL)), KeyEvent.up(Key.of(Key.Kind.CANCEL)));
    }

    @Test
    void directButtonsAreDebouncedLikeTheMatrix() {
        pi.input("button-10").mockState(DigitalState.LOW); // HOLD pressed: its contact pulls the pin to ground
        scan(1);
        pi.input("button-10").mockState(DigitalState.HIGH);
        scan(1);
        assertThat(events).isEmpty();
        pi.input("button-10").mockState(DigitalState.LOW);
        scan(SETTLE);
        assertThat(events).containsExactly(KeyEvent.down(Key.of(Key.Kind.HOLD)));
        pi.input("button-10").mockState(DigitalState.HIGH);
        scan(SETTLE);
        assertThat(events).containsExactly(KeyEvent.down(Key.of(Key.Kind.HOLD)), KeyEvent.up(Key.of(Key.Kind.HOLD)));
    }

    @Test
    void eachRowIsDrivenLowOnceAPassAndRestsHigh() {
        List<String> rowChanges = new ArrayList<>();
        for (int pin : List.of(5, 6, 13, 16)) {
            pi.output("keypad-row-" + pin).addListener(e -> rowChanges.add(pin + "=" + e.state()));
        }
        scan(1);
        assertThat(rowChanges).containsExactly("5=LOW", "5=HIGH", "6=LOW", "6=HIGH", "13=LOW", "13=HIGH", "16=LOW", "16=HIGH");
    }

    @Test
    void closingStopsEventsAndReleasesThePinsForTheNextBoard() {
        keypad.close();
        assertThat(pi.claimed("keypad-row-5")).isFalse();
        assertThat(pi.claimed("keypad-column-17")).isFalse();
        assertThat(pi.claimed("button-9")).isFalse();
        GpioKeypad again = new GpioKeypad(pi.pins(), wiring, errors::add);
        assertThat(pi.claimed("keypad-row-5")).isTrue();
        again.close();
    }

    private void scan(int passes) {
        for (int i = 0; i < passes; i++) {
            keypad.scan();
        }
    }
}
