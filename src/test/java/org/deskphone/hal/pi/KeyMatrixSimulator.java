package org.deskphone.hal.pi;

import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A keypad's switches on pi4j's mock pins: a pressed key connects its row to its column, so a column
 * reads LOW exactly while a pressed key's row is driven LOW (through that row's diode), and HIGH (its
 * pull-up) otherwise. It follows the driver's row outputs as the driver scans them.
 */
final class KeyMatrixSimulator {
    private final List<MockDigitalOutput> rows = new ArrayList<>();
    private final List<MockDigitalInput> columns = new ArrayList<>();
    private final Set<Integer> pressed = ConcurrentHashMap.newKeySet();

    KeyMatrixSimulator(MockPi pi, List<Integer> rowPins, List<Integer> columnPins) {
        for (int pin : rowPins) {
            MockDigitalOutput row = pi.output("keypad-row-" + pin);
            rows.add(row);
            row.addListener(event -> settle());
        }
        for (int pin : columnPins) {
            columns.add(pi.input("keypad-column-" + pin));
        }
        settle();
    }

    /** Closes the switch at {@code row}, {@code column} (both from 0). */
    void press(int row, int column) {
        pressed.add(row * 100 + column);
        settle();
    }

    void release(int row, int column) {
        pressed.remove(row * 100 + column);
        settle();
    }

    private synchronized void settle() {
        for (int column = 0; column < columns.size(); column++) {
            boolean low = false;
            for (int row = 0; row < rows.size(); row++) {
                low |= pressed.contains(row * 100 + column) && rows.get(row).isLow();
            }
            columns.get(column).mockState(low ? DigitalState.LOW : DigitalState.HIGH);
        }
    }
}
