package org.deskphone.hal.pi;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import org.tinylog.Logger;

/**
 * The process's one pi4j context: created on first use with the providers found on the class path
 * (gpiod for GPIO, linuxfs for I2C and PWM). Boards opened one after the other (a phone restart) claim
 * and release their pins in this same context. pi4j's own shutdown hook stays off: the phone's hook
 * closes the board, whose drivers leave every pin at rest, and a second hook would race it; the kernel
 * frees the lines when the process ends.
 */
final class PiPlatform {
    private static Context context;

    private PiPlatform() {
    }

    static synchronized Context context() {
        if (context == null) {
            Logger.info("starting pi4j");
            context = Pi4J.newContextBuilder()
                    .autoDetectProviders()
                    .autoDetectPlatforms()
                    .disableShutdownHook()
                    .build();
            Logger.info("pi4j providers: {}", context.providers().all().keySet());
        }
        return context;
    }
}
