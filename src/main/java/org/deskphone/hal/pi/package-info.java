/**
 * The Raspberry Pi board: drivers for a matrix keypad, buttons and a hook switch on GPIO, LEDs on GPIO
 * and PWM, and a character LCD (HD44780 behind a PCF8574 I2C backpack) or a pixel panel (SSD1306 over
 * I2C), all through pi4j 2.8. This is the only package that imports pi4j.
 *
 * <p>Each driver is one small class in the manner of baresip's modules: a constructor that takes its
 * wiring, its own thread where it needs one (scanning, blinking, drawing), a {@code close()} that joins
 * that thread and releases its pins, and errors handed back through an {@code onError} handler rather
 * than acted on. {@link org.deskphone.hal.pi.PiBoard} builds them from {@code board/rpi/board.properties}.
 */
package org.deskphone.hal.pi;
