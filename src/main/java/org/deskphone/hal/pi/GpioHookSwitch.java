package org.deskphone.hal.pi;

import com.pi4j.io.gpio.digital.DigitalInput;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.deskphone.hal.HookState;
import org.deskphone.hal.HookSwitch;

/**
 * The hook switch: a contact on one GPIO pin with the Pi's pull-up, sampled by a thread of its own and
 * debounced, because a cradle switch chatters for tens of milliseconds when the handset lands.
 *
 * <p>Descriptor: {@code hook.pin=4}, {@code hook.offhook=high} (the level while the handset is lifted),
 * {@code hook.scan.ms=10}, {@code hook.debounce.ms=50}.
 */
final class GpioHookSwitch implements HookSwitch {
    private static final Consumer<HookState> CLOSED = state -> { };

    private final Pins pins;
    private final DigitalInput contact;
    private final boolean offHookHigh;
    private final int debounceSamples;
    private final ScanThread sampler;
    private Debouncer debouncer;
    private volatile Consumer<HookState> listener = CLOSED;
    private volatile HookState state = HookState.ON_HOOK;

    GpioHookSwitch(Pins pins, PiWiring.Hook wiring, Consumer<Exception> onError) {
        this.pins = pins;
        this.offHookHigh = wiring.offHookHigh();
        this.contact = pins.inputPulledUp("hook-" + wiring.pin(), wiring.pin());
        this.debounceSamples = Debouncer.samplesFor(wiring.debounceMillis(), wiring.scanMillis());
        this.sampler = new ScanThread("hook", Duration.ofMillis(wiring.scanMillis()), this::sample,
                e -> onError.accept(new IllegalStateException("hook switch read failed: " + e.getMessage(), e)));
    }

    @Override
    public void open(Consumer<HookState> newListener) {
        listen(newListener);
        sampler.start();
    }

    /**
     * Reads where the handset is now (no event: it is the phone's starting point) and delivers later
     * changes to {@code newListener}, without starting the thread: tests call {@link #sample()}.
     */
    void listen(Consumer<HookState> newListener) {
        boolean offHook = offHook();
        state = offHook ? HookState.OFF_HOOK : HookState.ON_HOOK;
        debouncer = new Debouncer(debounceSamples, offHook);
        listener = Objects.requireNonNull(newListener, "listener");
    }

    @Override
    public HookState state() {
        return state;
    }

    /** One reading of the contact; only after {@link #listen}. */
    void sample() {
        if (debouncer.sample(offHook())) {
            state = debouncer.state() ? HookState.OFF_HOOK : HookState.ON_HOOK;
            listener.accept(state);
        }
    }

    private boolean offHook() {
        return contact.isHigh() == offHookHigh;
    }

    @Override
    public void close() {
        listener = CLOSED;
        sampler.close();
        pins.close();
    }
}
