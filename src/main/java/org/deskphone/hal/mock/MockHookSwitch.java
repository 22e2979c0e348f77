package org.deskphone.hal.mock;

import java.util.function.Consumer;
import org.deskphone.hal.HookState;
import org.deskphone.hal.HookSwitch;

/** A hook switch moved by software. A change is reported once; setting the same state again is silent. */
public final class MockHookSwitch implements HookSwitch {
    private static final Consumer<HookState> CLOSED = state -> { };
    private volatile Consumer<HookState> listener = CLOSED;
    private volatile HookState state = HookState.ON_HOOK;

    @Override
    public void open(Consumer<HookState> newListener) {
        listener = newListener;
    }

    @Override
    public HookState state() {
        return state;
    }

    public void lift() {
        set(HookState.OFF_HOOK);
    }

    public void hangUp() {
        set(HookState.ON_HOOK);
    }

    public void toggle() {
        set(state == HookState.ON_HOOK ? HookState.OFF_HOOK : HookState.ON_HOOK);
    }

    private synchronized void set(HookState newState) {
        if (newState != state) {
            state = newState;
            listener.accept(newState);
        }
    }

    @Override
    public void close() {
        listener = CLOSED;
    }
}
