package org.deskphone.provision;

import java.time.Duration;
import java.util.Optional;

/**
 * The zero-touch screen (Yealink L1327-1361): at start-up, when {@code zero_touch.enable = 1}, the phone
 * shows network settings and then asks for the provisioning server, user and password, for
 * {@code zero_touch.wait_time} seconds. The LCD menu implements it; until then nothing is asked.
 */
@FunctionalInterface
public interface ZeroTouch {
    ZeroTouch NONE = wait -> Optional.empty();

    /** Shows the screen for up to {@code wait}; the server the user entered, if any. Blocking. */
    Optional<ServerCandidate> ask(Duration wait);
}
