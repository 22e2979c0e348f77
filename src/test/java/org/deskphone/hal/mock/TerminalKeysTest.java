package org.deskphone.hal.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.deskphone.hal.HookState;
import org.deskphone.hal.Key;
import org.deskphone.hal.KeyEvent;
import org.junit.jupiter.api.Test;

class TerminalKeysTest {

    @Test
    void terminalCharactersBecomeKeyPressesAndHookChanges() throws Exception {
        String typed = "12#hq\u001b[A\r" + "z" + "h";
        MockKeypad keypad = new MockKeypad();
        MockHookSwitch hook = new MockHookSwitch();
        List<Key> pressed = new CopyOnWriteArrayList<>();
        List<HookState> hookChanges = new CopyOnWriteArrayList<>();
        keypad.open(event -> {
            if (event.down()) {
                pressed.add(event.key());
            }
        });
        hook.open(hookChanges::add);

        TerminalKeys keys = new TerminalKeys(new ByteArrayInputStream(typed.getBytes(StandardCharsets.US_ASCII)));
        keys.attach(keypad, hook);
        keys.start();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (hookChanges.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }

        assertThat(pressed).containsExactly(Key.digit(1), Key.digit(2), Key.dialPad('#'), Key.soft(1),
                Key.of(Key.Kind.UP), Key.of(Key.Kind.OK));
        assertThat(hookChanges).containsExactly(HookState.OFF_HOOK, HookState.ON_HOOK);
    }

    @Test
    void everyHelpLetterMapsToAKey() {
        for (char c : "qwerjkluiopsgbtcadm+-vn".toCharArray()) {
            assertThat(TerminalKeys.keyFor(c)).as("key for '%s'", c).isNotNull();
        }
        assertThat(TerminalKeys.keyFor('z')).isNull();
        assertThat(KeyEvent.down(TerminalKeys.keyFor('b')).key().kind()).isEqualTo(Key.Kind.HOLD);
    }
}
