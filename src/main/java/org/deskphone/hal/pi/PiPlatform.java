package org.deskphone.hal.pi;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import org.tinylog.Logger;

/**
 * The process's one pi4j context: created on first use with the providers found on the class path
 * (gpiod for GPIO, linuxfs for I2C and PWM), shut down when the JVM exits. Boards opened one after the
 * other (a phone restart) claim and release their pins in this same context.
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
                    .enableShutdownHook()
                    .build();
            Logger.info("pi4j providers: {}", context.providers().all().keySet());
        }
        return context;
    }
}
