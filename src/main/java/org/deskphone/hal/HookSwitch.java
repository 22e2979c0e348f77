package org.deskphone.hal;

import java.util.function.Consumer;

/** The handset's hook switch, debounced by the driver. */
public interface HookSwitch extends AutoCloseable {

    /** Starts delivering changes to {@code listener}, from the driver's thread. Called once. */
    void open(Consumer<HookState> listener);

    /** Where the handset is now. */
    HookState state();

    @Override
    void close();
}
