package org.deskphone.hal.pi;

import static org.assertj.core.api.Assertions.assertThat;

import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import java.util.ArrayList;
import java.util.List;
import org.deskphone.hal.HookState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The hook switch on a mock pin, sampled by the test: 10 ms samples, 50 ms debounce, so 5 samples. */
class GpioHookSwitchTest {
    private final MockPi pi = new MockPi();
    private final List<HookState> changes = new ArrayList<>();
    private GpioHookSwitch hook;

    @AfterEach
    void release() {
        if (hook != null) {
            hook.close();
        }
        pi.close();
    }

    @Test
    void liftingAndReplacingTheHandsetAreReportedOnceSettled() {
        hook = open(new PiWiring.Hook(4, true, 10, 50), DigitalState.LOW);
        assertThat(hook.state()).isEqualTo(HookState.ON_HOOK);

        contact().mockState(DigitalState.HIGH);
        sample(4);
        assertThat(changes).isEmpty();
        sample(1);
        assertThat(changes).containsExactly(HookState.OFF_HOOK);
        assertThat(hook.state()).isEqualTo(HookState.OFF_HOOK);

        contact().mockState(DigitalState.LOW);
        sample(5);
        assertThat(changes).containsExactly(HookState.OFF_HOOK, HookState.ON_HOOK);
    }

    @Test
    void aHandsetChatteringOntoTheCradleIsOneChange() {
        hook = open(new PiWiring.Hook(4, true, 10, 50), DigitalState.HIGH);
        assertThat(hook.state()).as("read at start, without an event").isEqualTo(HookState.OFF_HOOK);
        for (int i = 0; i < 5; i++) {
            contact().mockState(DigitalState.LOW);
            sample(2);
            contact().mockState(DigitalState.HIGH);
            sample(1);
        }
        contact().mockState(DigitalState.LOW);
        sample(20);
        assertThat(changes).containsExactly(HookState.ON_HOOK);
    }

    @Test
    void aSwitchThatClosesWhenLiftedIsWiredWithOffhookLow() {
        hook = open(new PiWiring.Hook(4, false, 10, 50), DigitalState.HIGH);
        assertThat(hook.state()).isEqualTo(HookState.ON_HOOK);
        contact().mockState(DigitalState.LOW);
        sample(5);
        assertThat(changes).containsExactly(HookState.OFF_HOOK);
    }

    /** A hook switch whose contact reads {@code resting} when the phone opens it. */
    private GpioHookSwitch open(PiWiring.Hook wiring, DigitalState resting) {
        GpioHookSwitch created = new GpioHookSwitch(pi.pins(), wiring, e -> {
            throw new AssertionError(e);
        });
        pi.input("hook-4").mockState(resting);
        created.listen(changes::add);
        return created;
    }

    private MockDigitalInput contact() {
        return pi.input("hook-4");
    }

    private void sample(int times) {
        for (int i = 0; i < times; i++) {
            hook.sample();
        }
    }
}
