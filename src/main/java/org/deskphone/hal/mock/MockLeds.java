package org.deskphone.hal.mock;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.deskphone.hal.Led;
import org.deskphone.hal.LedState;
import org.deskphone.hal.Leds;

/** LEDs whose states can be read back. */
public final class MockLeds implements Leds {
    private final Map<Led, LedState> states = new ConcurrentHashMap<>();

    @Override
    public void set(Led led, LedState state) {
        if (state.isOff()) {
            states.remove(led);
        } else {
            states.put(led, state);
        }
    }

    public LedState state(Led led) {
        return states.getOrDefault(led, LedState.OFF);
    }

    /** The LEDs that are lit, in a stable order. */
    public Map<Led, LedState> lit() {
        Map<Led, LedState> lit = new TreeMap<>((a, b) -> a.kind() != b.kind()
                ? a.kind().compareTo(b.kind()) : Integer.compare(a.index(), b.index()));
        lit.putAll(states);
        return lit;
    }

    @Override
    public void close() {
        states.clear();
    }
}
