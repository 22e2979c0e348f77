package org.deskphone.hal.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.deskphone.hal.Geometry;
import org.deskphone.hal.HookState;
import org.deskphone.hal.Key;
import org.deskphone.hal.KeyEvent;
import org.deskphone.hal.Led;
import org.deskphone.hal.LedState;
import org.deskphone.hal.Screen;
import org.junit.jupiter.api.Test;

class MockDriversTest {

    @Test
    void keypadDeliversDownAndUpForEachTypedKey() {
        MockKeypad keypad = new MockKeypad();
        List<KeyEvent> events = new ArrayList<>();
        keypad.open(events::add);
        keypad.type("1*");
        keypad.press(Key.of(Key.Kind.HOLD));
        assertThat(events).containsExactly(
                KeyEvent.down(Key.digit(1)), KeyEvent.up(Key.digit(1)),
                KeyEvent.down(Key.dialPad('*')), KeyEvent.up(Key.dialPad('*')),
                KeyEvent.down(Key.of(Key.Kind.HOLD)), KeyEvent.up(Key.of(Key.Kind.HOLD)));

        keypad.close();
        keypad.press(Key.digit(2));
        assertThat(events).hasSize(6);
    }

    @Test
    void hookReportsChangesOnly() {
        MockHookSwitch hook = new MockHookSwitch();
        List<HookState> changes = new ArrayList<>();
        hook.open(changes::add);
        hook.hangUp();
        hook.lift();
        hook.lift();
        hook.toggle();
        assertThat(changes).containsExactly(HookState.OFF_HOOK, HookState.ON_HOOK);
        assertThat(hook.state()).isEqualTo(HookState.ON_HOOK);
    }

    @Test
    void displayKeepsTheLastScreenAndMirrorsOnlyChanges() {
        List<Screen> mirrored = new ArrayList<>();
        MockDisplay display = new MockDisplay(Geometry.text(16, 2), mirrored::add);
        assertThat(display.text()).isEmpty();
        Screen hello = Screen.of(display.geometry(), "hello", "world");
        display.show(hello);
        display.show(hello);
        assertThat(display.text()).isEqualTo("hello\nworld");
        assertThat(display.updates()).isEqualTo(2);
        assertThat(mirrored).containsExactly(hello);
    }

    @Test
    void displayRefusesAScreenLaidOutForAnotherGeometry() {
        MockDisplay display = new MockDisplay(Geometry.text(16, 2));
        assertThatThrownBy(() -> display.show(Screen.blank(Geometry.text(20, 4)))).hasMessageContaining("20x4");
    }

    @Test
    void ledsRememberWhatIsLit() {
        MockLeds leds = new MockLeds();
        leds.set(Led.line(2), new LedState(LedState.Color.GREEN, LedState.Pattern.BLINK_FAST));
        leds.set(Led.of(Led.Kind.MESSAGE), LedState.on(LedState.Color.RED));
        leds.set(Led.of(Led.Kind.MESSAGE), LedState.OFF);
        assertThat(leds.state(Led.line(2)).pattern()).isEqualTo(LedState.Pattern.BLINK_FAST);
        assertThat(leds.lit()).containsOnlyKeys(Led.line(2));
    }
}
