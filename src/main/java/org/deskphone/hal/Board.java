package org.deskphone.hal;

import java.util.Objects;
import org.tinylog.Logger;

/** The hardware the phone runs on: one driver of each kind, chosen by a {@link BoardDescriptor}. */
public record Board(
        BoardDescriptor descriptor,
        Keypad keypad,
        HookSwitch hook,
        Display display,
        Leds leds,
        AudioDevice audio) implements AutoCloseable {

    public Board {
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(keypad, "keypad");
        Objects.requireNonNull(hook, "hook");
        Objects.requireNonNull(display, "display");
        Objects.requireNonNull(leds, "leds");
        Objects.requireNonNull(audio, "audio");
    }

    /** Closes every driver; one that fails to close does not keep the others open. */
    @Override
    public void close() {
        for (AutoCloseable driver : new AutoCloseable[] {keypad, hook, display, leds}) {
            try {
                driver.close();
            } catch (Exception e) {
                Logger.warn(e, "closing {} of board {} failed", driver.getClass().getSimpleName(), descriptor.name());
            }
        }
    }
}
