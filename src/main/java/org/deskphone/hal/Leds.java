package org.deskphone.hal;

/** The phone's LEDs. Blinking is the driver's job, so the phone loop sets a pattern once. */
public interface Leds extends AutoCloseable {

    void set(Led led, LedState state);

    @Override
    void close();
}
