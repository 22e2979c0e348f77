package org.deskphone.hal.pi;

import com.pi4j.context.Context;
import com.pi4j.io.IO;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.io.i2c.I2C;
import com.pi4j.io.pwm.Pwm;
import com.pi4j.io.pwm.PwmType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.tinylog.Logger;

/**
 * The pins and buses one driver claimed from pi4j, released together when the driver closes so that a
 * restarted phone can claim them again. Pins are BCM GPIO numbers.
 */
final class Pins implements AutoCloseable {
    private final Context context;
    private final List<String> claimed = new ArrayList<>();

    Pins(Context context) {
        this.context = context;
    }

    /** An output that rests at {@code resting}, and returns to it when released. */
    DigitalOutput output(String id, int bcm, boolean resting) {
        DigitalState state = resting ? DigitalState.HIGH : DigitalState.LOW;
        return claim(id, "GPIO" + bcm, () -> context.create(DigitalOutput.newConfigBuilder(context)
                .id(id).name(id + " (GPIO" + bcm + ")").address(bcm)
                .initial(state).shutdown(state).build()));
    }

    /** An input with the Pi's internal pull-up: a contact to ground reads LOW when closed. */
    DigitalInput inputPulledUp(String id, int bcm) {
        return claim(id, "GPIO" + bcm, () -> context.create(DigitalInput.newConfigBuilder(context)
                .id(id).name(id + " (GPIO" + bcm + ")").address(bcm)
                .pull(PullResistance.PULL_UP).build()));
    }

    /** A hardware PWM channel (on the Pi, {@code /sys/class/pwm/pwmchip0/pwm<channel>}), off at rest. */
    Pwm pwm(String id, int channel, int frequency) {
        return claim(id, "PWM channel " + channel, () -> context.create(Pwm.newConfigBuilder(context)
                .id(id).name(id + " (PWM" + channel + ")").address(channel)
                .pwmType(PwmType.HARDWARE).frequency(frequency).dutyCycle(0).shutdown(0).build()));
    }

    /** The device at {@code address} on I2C bus {@code bus} ({@code /dev/i2c-<bus>}). */
    I2C i2c(String id, int bus, int address) {
        String where = String.format("I2C bus %d address 0x%02x", bus, address);
        return claim(id, where, () -> context.create(I2C.newConfigBuilder(context)
                .id(id).name(id + " (" + where + ")").bus(bus).device(address).build()));
    }

    private <T extends IO<?, ?, ?>> T claim(String id, String what, Supplier<T> create) {
        T io;
        try {
            io = create.get();
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot claim " + what + " for " + id + ": " + e.getMessage(), e);
        }
        claimed.add(io.id());
        return io;
    }

    /** Releases every claimed pin, newest first; one that fails to release does not keep the others. */
    @Override
    public void close() {
        for (int i = claimed.size() - 1; i >= 0; i--) {
            String id = claimed.get(i);
            try {
                if (context.registry().exists(id)) {
                    context.shutdown(id);
                }
            } catch (RuntimeException e) {
                Logger.warn("releasing {} failed: {}", id, e.toString());
            }
        }
        claimed.clear();
    }
}
