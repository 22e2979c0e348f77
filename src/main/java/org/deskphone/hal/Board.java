package org.deskphone.hal;

import java.util.Objects;
import org.tinylog.Logger;

/**
 * The hardware the phone runs on: one driver of each kind, chosen by a {@link BoardDescriptor}. A board
 * built without a network driver observes the system's network read-only ({@link HostNetwork}).
 */
public record Board(
        BoardDescriptor descriptor,
        Keypad keypad,
        HookSwitch hook,
        Display display,
        Leds leds,
        AudioDevice audio,
        Network network) implements AutoCloseable {

    public Board(BoardDescriptor descriptor, Keypad keypad, HookSwitch hook, Display display, Leds leds,
            AudioDevice audio) {
        this(descriptor, keypad, hook, display, leds, audio, HostNetwork.fromDescriptor(descriptor));
    }

    public Board {
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(keypad, "keypad");
        Objects.requireNonNull(hook, "hook");
        Objects.requireNonNull(display, "display");
        Objects.requireNonNull(leds, "leds");
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(network, "network");
    }

    /** The same board with another network driver (one the descriptor names, or a test's). */
    public Board withNetwork(Network other) {
        return new Board(descriptor, keypad, hook, display, leds, audio, other);
    }

    /** Closes every driver; one that fails to close does not keep the others open. */
    @Override
    public void close() {
        for (AutoCloseable driver : new AutoCloseable[] {keypad, hook, display, leds, network}) {
            try {
                driver.close();
            } catch (Exception e) {
                Logger.warn(e, "closing {} of board {} failed", driver.getClass().getSimpleName(), descriptor.name());
            }
        }
    }
}
