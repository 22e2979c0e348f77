package org.deskphone.hal.pi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.deskphone.hal.BoardDescriptor;
import org.deskphone.hal.Geometry;
import org.deskphone.hal.Key;
import org.deskphone.hal.Led;

/**
 * How a Raspberry Pi board is wired, read from its descriptor and checked before any pin is touched: a
 * wrong key, a pin used twice or a key map that does not fit the matrix is an error naming the
 * descriptor file and the key. Pins are BCM GPIO numbers. {@code board/rpi/board.properties} documents
 * every key.
 */
record PiWiring(Keypad keypad, Hook hook, Map<Led, Lamp> leds, Display display) {

    /** A matrix of keys (rows driven low one at a time, columns read with pull-ups) plus direct buttons. */
    record Keypad(List<Integer> rows, List<Integer> columns, List<List<Key>> keys, Map<Key, Integer> buttons,
                  int scanMillis, int debounceMillis) {

        /** The key at a crossing, or null where the matrix has none. */
        Key key(int row, int column) {
            return keys.get(row).get(column);
        }
    }

    /** The hook switch: a contact on one pin, and the level the pin reads while the handset is lifted. */
    record Hook(int pin, boolean offHookHigh, int scanMillis, int debounceMillis) {
    }

    /**
     * One LED: a GPIO pin per colour (green, and red for a two-colour LED; both lit make orange), or a
     * hardware PWM channel dimmed to {@code brightness} percent.
     */
    record Lamp(Integer green, Integer red, Integer pwmChannel, int brightness) {

        boolean isPwm() {
            return pwmChannel != null;
        }
    }

    /** The display controller ({@code hd44780} or {@code ssd1306}), where it sits on I2C, and its grid. */
    record Display(String controller, int bus, int address, Geometry geometry) {
    }

    static final String HD44780 = "hd44780";
    static final String SSD1306 = "ssd1306";

    static PiWiring read(BoardDescriptor descriptor) {
        Reader reader = new Reader(descriptor);
        PiWiring wiring = new PiWiring(reader.keypad(), reader.hook(), reader.leds(), reader.display());
        reader.checkPinsUsedOnce();
        return wiring;
    }

    /** Reads one descriptor, remembering which key claimed which pin. */
    private static final class Reader {
        private final BoardDescriptor descriptor;
        private final Map<String, String> owners = new HashMap<>();
        private final List<String> conflicts = new ArrayList<>();

        Reader(BoardDescriptor descriptor) {
            this.descriptor = descriptor;
        }

        Keypad keypad() {
            List<Integer> rows = pins("keypad.rows");
            List<Integer> columns = pins("keypad.columns");
            List<List<Key>> keys = new ArrayList<>();
            for (int row = 1; row <= rows.size(); row++) {
                String key = "keypad.keys." + row;
                String[] names = descriptor.require(key).split("\\s+");
                if (names.length != columns.size()) {
                    throw error(key, "has " + names.length + " keys but keypad.columns has " + columns.size() + " pins");
                }
                List<Key> line = new ArrayList<>();
                for (String name : names) {
                    line.add(name.equals("-") ? null : key(key, name));
                }
                keys.add(Collections.unmodifiableList(line));
            }
            if (descriptor.get("keypad.keys." + (rows.size() + 1)).isPresent()) {
                throw error("keypad.keys." + (rows.size() + 1), "is one row more than keypad.rows has pins");
            }
            Map<Key, Integer> buttons = new LinkedHashMap<>();
            for (String name : keysStartingWith("button.")) {
                Key button = key(name, name.substring("button.".length()));
                buttons.put(button, pin(name, descriptor.require(name)));
            }
            return new Keypad(rows, columns, Collections.unmodifiableList(keys), Collections.unmodifiableMap(buttons),
                    millis("keypad.scan.ms", 5), millis("keypad.debounce.ms", 20));
        }

        Hook hook() {
            String level = descriptor.get("hook.offhook").orElse("high").toLowerCase(Locale.ROOT);
            if (!level.equals("high") && !level.equals("low")) {
                throw error("hook.offhook", "must be high or low, not '" + level + "'");
            }
            return new Hook(pin("hook.pin", descriptor.require("hook.pin")), level.equals("high"),
                    millis("hook.scan.ms", 10), millis("hook.debounce.ms", 50));
        }

        Map<Led, Lamp> leds() {
            Map<Led, Lamp> leds = new LinkedHashMap<>();
            for (String key : keysStartingWith("led.")) {
                leds.put(led(key), lamp(key, descriptor.require(key)));
            }
            return Collections.unmodifiableMap(leds);
        }

        Display display() {
            String controller = descriptor.get("display.controller").orElse(HD44780).toLowerCase(Locale.ROOT);
            Geometry geometry = descriptor.display();
            if (controller.equals(HD44780)) {
                if (geometry.isPixelPanel() || !(geometry.columns() == 16 || geometry.columns() == 20)
                        || !(geometry.rows() == 2 || geometry.rows() == 4)) {
                    throw error("display", "an HD44780 is 16x2, 16x4, 20x2 or 20x4, not " + geometry);
                }
            } else if (controller.equals(SSD1306)) {
                if (!geometry.toString().equals(Ssd1306.GEOMETRY.toString())) {
                    throw error("display", "an SSD1306 panel is " + Ssd1306.GEOMETRY + ", not " + geometry);
                }
            } else {
                throw error("display.controller", "'" + controller + "' is not known; use " + HD44780 + " or " + SSD1306);
            }
            int bus = number("display.i2c.bus", descriptor.get("display.i2c.bus").orElse("1"));
            int address = number("display.i2c.address",
                    descriptor.get("display.i2c.address").orElse(controller.equals(HD44780) ? "0x27" : "0x3c"));
            if (address < 0x03 || address > 0x77) {
                throw error("display.i2c.address", "0x" + Integer.toHexString(address) + " is not a 7-bit I2C device address");
            }
            return new Display(controller, bus, address, geometry);
        }

        private Lamp lamp(String key, String value) {
            Integer green = null;
            Integer red = null;
            Integer pwm = null;
            int brightness = 100;
            for (String part : value.trim().split("\\s+")) {
                int colon = part.indexOf(':');
                String kind = colon < 0 ? "green" : part.substring(0, colon).toLowerCase(Locale.ROOT);
                String pin = part.substring(colon + 1);
                switch (kind) {
                    case "green":
                        green = pin(key, pin);
                        break;
                    case "red":
                        red = pin(key, pin);
                        break;
                    case "pwm":
                        int at = pin.indexOf('@');
                        pwm = number(key, at < 0 ? pin : pin.substring(0, at));
                        brightness = at < 0 ? 100 : number(key, pin.substring(at + 1).replace("%", ""));
                        if (brightness < 1 || brightness > 100) {
                            throw error(key, "brightness must be 1-100 %, not " + brightness);
                        }
                        claim(key, "PWM channel " + pwm);
                        break;
                    default:
                        throw error(key, "'" + part + "' is not PIN, green:PIN, red:PIN or pwm:CHANNEL[@PERCENT]");
                }
            }
            if (pwm != null && (green != null || red != null)) {
                throw error(key, "an LED is either on GPIO pins or on a PWM channel, not both");
            }
            if (pwm == null && green == null) {
                throw error(key, "a two-colour LED needs its green pin too");
            }
            return new Lamp(green, red, pwm, brightness);
        }

        private Led led(String key) {
            String[] parts = key.substring("led.".length()).split("\\.");
            try {
                Led.Kind kind = Led.Kind.valueOf(parts[0].toUpperCase(Locale.ROOT));
                return new Led(kind, parts.length > 1 ? Integer.parseInt(parts[1]) : 0);
            } catch (IllegalArgumentException e) {
                throw error(key, "is not an LED; use led.power, led.message, led.speaker, led.headset, led.mute,"
                        + " led.line.N or led.programmable.N");
            }
        }

        private Key key(String where, String name) {
            try {
                return KeyNames.parse(name);
            } catch (IllegalArgumentException e) {
                throw error(where, e.getMessage());
            }
        }

        private List<Integer> pins(String key) {
            List<Integer> pins = new ArrayList<>();
            for (String value : descriptor.require(key).split("[\\s,]+")) {
                pins.add(pin(key, value));
            }
            return Collections.unmodifiableList(pins);
        }

        private int pin(String key, String value) {
            int pin = number(key, value);
            if (pin < 0 || pin > 27) {
                throw error(key, "GPIO" + pin + " is not on the Pi's header (BCM 0-27)");
            }
            claim(key, "GPIO" + pin);
            return pin;
        }

        private void claim(String key, String resource) {
            String owner = owners.putIfAbsent(resource, key);
            if (owner != null) {
                conflicts.add(resource + " is used by both " + owner + " and " + key);
            }
        }

        void checkPinsUsedOnce() {
            if (!conflicts.isEmpty()) {
                throw new IllegalArgumentException(descriptor.source() + ": " + String.join("; ", conflicts));
            }
        }

        private int millis(String key, int fallback) {
            Optional<String> value = descriptor.get(key);
            int millis = value.isPresent() ? number(key, value.get()) : fallback;
            if (millis < 1 || millis > 1000) {
                throw error(key, "must be 1-1000 ms, not " + millis);
            }
            return millis;
        }

        private int number(String key, String value) {
            String text = value.trim().toLowerCase(Locale.ROOT);
            try {
                return text.startsWith("0x") ? Integer.parseInt(text.substring(2), 16) : Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw error(key, "'" + value.trim() + "' is not a number");
            }
        }

        private List<String> keysStartingWith(String prefix) {
            String[] keys = descriptor.values().keySet().stream().filter(key -> key.startsWith(prefix)).toArray(String[]::new);
            Arrays.sort(keys);
            return List.of(keys);
        }

        private IllegalArgumentException error(String key, String message) {
            return new IllegalArgumentException(descriptor.source() + ": " + key + " " + message);
        }
    }
}
