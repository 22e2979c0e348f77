package org.deskphone.hal.pi;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;
import com.pi4j.io.i2c.I2CConfig;
import com.pi4j.io.i2c.I2CProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import com.pi4j.plugin.mock.provider.i2c.MockI2C;
import com.pi4j.plugin.mock.provider.i2c.MockI2CProviderImpl;
import com.pi4j.plugin.mock.provider.pwm.MockPwm;
import com.pi4j.plugin.mock.provider.pwm.MockPwmProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * pi4j's mock platform for the drivers' tests: mock GPIO and PWM as the plugin ships them, and its mock
 * I2C with a tap that keeps every write as one transaction (the plugin's own keeps only a byte queue),
 * so that tests can check where a controller's command stream starts a new I2C write.
 */
final class MockPi implements AutoCloseable {
    final Context context = Pi4J.newContextBuilder()
            .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance(),
                    MockPwmProvider.newInstance(), new TappedI2CProvider())
            .build();

    MockDigitalInput input(String id) {
        return context.registry().get(id, MockDigitalInput.class);
    }

    MockDigitalOutput output(String id) {
        return context.registry().get(id, MockDigitalOutput.class);
    }

    MockPwm pwm(String id) {
        return context.registry().get(id, MockPwm.class);
    }

    TappedI2C i2c(String id) {
        return context.registry().get(id, TappedI2C.class);
    }

    boolean claimed(String id) {
        return context.registry().exists(id);
    }

    Pins pins() {
        return new Pins(context);
    }

    @Override
    public void close() {
        context.shutdown();
    }

    /** A mock I2C device that records each write as a transaction, and can be told to fail. */
    static final class TappedI2C extends MockI2C {
        private final List<byte[]> writes = new ArrayList<>();
        private RuntimeException failure;

        TappedI2C(I2CProvider provider, I2CConfig config) {
            super(provider, config);
        }

        @Override
        public int write(byte[] data, int offset, int length) {
            synchronized (this) {
                if (failure != null) {
                    throw failure;
                }
                byte[] copy = new byte[length];
                System.arraycopy(data, offset, copy, 0, length);
                writes.add(copy);
            }
            return super.write(data, offset, length);
        }

        @Override
        public int write(byte b) {
            return write(new byte[] {b}, 0, 1);
        }

        /** Every write so far, each as it was sent, and forgets them. */
        synchronized List<byte[]> takeWrites() {
            List<byte[]> taken = new ArrayList<>(writes);
            writes.clear();
            return taken;
        }

        /** Every byte written so far, in order, and forgets them. */
        synchronized byte[] takeBytes() {
            List<byte[]> taken = takeWrites();
            int length = taken.stream().mapToInt(b -> b.length).sum();
            byte[] bytes = new byte[length];
            int at = 0;
            for (byte[] write : taken) {
                System.arraycopy(write, 0, bytes, at, write.length);
                at += write.length;
            }
            return bytes;
        }

        /** From now on every write throws {@code failure}; null heals the bus. */
        synchronized void failWith(RuntimeException newFailure) {
            failure = newFailure;
        }
    }

    private static final class TappedI2CProvider extends MockI2CProviderImpl {
        @Override
        public I2C create(I2CConfig config) {
            TappedI2C i2c = new TappedI2C(this, config);
            context.registry().add(i2c);
            return i2c;
        }
    }
}
