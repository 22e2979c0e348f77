package org.deskphone.hal.pi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.deskphone.hal.Geometry;
import org.deskphone.hal.Screen;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The display's own drawing thread over an HD44780 on a mock I2C bus that can be made to fail. */
class LcdDisplayTest {
    private static final Geometry LCD = Geometry.text(20, 4);

    private final MockPi pi = new MockPi();
    private final Pins pins = pi.pins();
    private final MockPi.TappedI2C bus = i2c();
    private final List<Exception> errors = new CopyOnWriteArrayList<>();
    private final LcdDisplay display = new LcdDisplay(new Hd44780(bus, LCD, micros -> { }), pins, errors::add);
    private final Hd44780Emulator lcd = new Hd44780Emulator();

    @AfterEach
    void release() {
        display.close();
        pi.close();
    }

    @Test
    void aScreenIsDrawnOnTheDisplaysThreadAndTheNewestWins() throws Exception {
        display.start();
        for (int i = 0; i <= 50; i++) {
            display.show(Screen.of(LCD, "Dialing", "2001" + i));
        }
        await(() -> Screen.of(LCD, "Dialing", "200150").equals(display.drawn()));
        lcd.feed(bus.takeBytes());
        assertThat(lcd.row(1, 20)).isEqualTo("200150              ");
        assertThat(errors).isEmpty();
    }

    @Test
    void aBusFailureIsReportedOnceAndTheDisplayRecoversWhenTheBusReturns() throws Exception {
        bus.failWith(new IllegalStateException("I2C write failed: Remote I/O error"));
        display.start();
        display.show(Screen.of(LCD, "one"));
        await(() -> !errors.isEmpty());
        display.show(Screen.of(LCD, "two"));
        Thread.sleep(1200);
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0)).hasMessageContaining("display 20x4 failed").hasMessageContaining("Remote I/O error");

        bus.failWith(null);
        await(() -> Screen.of(LCD, "two").equals(display.drawn()));
        lcd.feed(bus.takeBytes());
        assertThat(lcd.displayOn()).as("started afresh").isTrue();
        assertThat(lcd.row(0, 20)).isEqualTo("two                 ");
    }

    @Test
    void aScreenOfAnotherSizeIsRefusedAtOnce() {
        assertThatThrownBy(() -> display.show(Screen.blank(Geometry.text(16, 2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shown on a 20x4 display");
    }

    @Test
    void closingStopsTheThreadTurnsTheDisplayOffAndReleasesTheBus() throws Exception {
        display.start();
        display.show(Screen.of(LCD, "bye"));
        await(() -> display.drawn() != null);
        display.close();
        lcd.feed(bus.takeBytes());
        assertThat(lcd.displayOn()).isFalse();
        assertThat(pi.claimed("display")).isFalse();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("lcd") && t.isAlive());
    }

    private MockPi.TappedI2C i2c() {
        pins.i2c("display", 1, 0x27);
        return pi.i2c("display");
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s");
            }
            Thread.sleep(5);
        }
    }
}
