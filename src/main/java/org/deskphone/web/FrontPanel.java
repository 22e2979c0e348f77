package org.deskphone.web;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.deskphone.hal.Board;
import org.deskphone.hal.Display;
import org.deskphone.hal.Geometry;
import org.deskphone.hal.HookState;
import org.deskphone.hal.HookSwitch;
import org.deskphone.hal.Key;
import org.deskphone.hal.Led;
import org.deskphone.hal.LedState;
import org.deskphone.hal.Leds;
import org.deskphone.hal.Screen;
import org.deskphone.hal.mock.MockHookSwitch;
import org.deskphone.hal.mock.MockKeypad;

/**
 * The phone's front as the web UI sees it: what the LCD shows, which LEDs are lit and where the handset
 * is, pushed to watchers as it changes; and, on a board whose keypad and hook are software (the PC), the
 * keys and hook to press. Made by wrapping a board's display, LEDs and hook switch before the phone
 * starts; the phone then runs on {@link #board()} and never knows.
 */
public final class FrontPanel {

    /** What the front shows at one moment. */
    record State(Screen screen, Map<Led, LedState> leds, HookState hook) {
        State {
            leds = Map.copyOf(leds);
        }
    }

    /** The keys the board has beyond the dial pad and the fixed ones, from its descriptor. */
    record Layout(int lineKeys, int programmableKeys, int softKeys) {
    }

    /** Cancels a watch. */
    public interface Watch {
        void cancel();
    }

    private final Board board;
    private final MockKeypad keypad;
    private final MockHookSwitch hookSwitch;
    private final Layout layout;
    private final List<Consumer<State>> watchers = new CopyOnWriteArrayList<>();
    private final Map<Led, LedState> leds = new ConcurrentHashMap<>();
    private volatile Screen screen;
    private volatile HookState hook;

    private FrontPanel(Board original) {
        this.keypad = original.keypad() instanceof MockKeypad mock ? mock : null;
        this.hookSwitch = original.hook() instanceof MockHookSwitch mock ? mock : null;
        this.screen = Screen.blank(original.display().geometry());
        this.hook = original.hook().state();
        var descriptor = original.descriptor();
        this.layout = new Layout(count(descriptor.get("keys.line").orElse("3")), count(descriptor.get("keys.programmable").orElse("4")),
                count(descriptor.get("keys.soft").orElse("4")));
        this.board = new Board(descriptor, original.keypad(), new WatchedHook(original.hook()),
                new WatchedDisplay(original.display()), new WatchedLeds(original.leds()), original.audio(), original.network());
    }

    /** Wraps {@code board}; run the phone on the returned panel's {@link #board()}. */
    public static FrontPanel of(Board board) {
        return new FrontPanel(Objects.requireNonNull(board, "board"));
    }

    /** The board to run the phone on: the original drivers, watched. */
    public Board board() {
        return board;
    }

    State state() {
        return new State(screen, leds, hook);
    }

    Geometry geometry() {
        return board.display().geometry();
    }

    Layout layout() {
        return layout;
    }

    /** True when the keys and hook can be pressed from here (a board with software keys, the PC). */
    boolean pressable() {
        return keypad != null && hookSwitch != null;
    }

    /** Calls {@code watcher} after every change, on the thread that made it; it must return quickly. */
    Watch watch(Consumer<State> watcher) {
        watchers.add(watcher);
        return () -> watchers.remove(watcher);
    }

    void down(Key key) {
        requirePressable().down(key);
    }

    void up(Key key) {
        requirePressable().up(key);
    }

    void press(Key key) {
        requirePressable().press(key);
    }

    void hook(boolean offHook) {
        requirePressable();
        if (offHook) {
            hookSwitch.lift();
        } else {
            hookSwitch.hangUp();
        }
    }

    private MockKeypad requirePressable() {
        if (!pressable()) {
            throw WebError.conflict("this board's keys are real: they cannot be pressed from the web UI");
        }
        return keypad;
    }

    private void changed() {
        State now = state();
        for (Consumer<State> watcher : watchers) {
            watcher.accept(now);
        }
    }

    private static int count(String text) {
        try {
            int value = Integer.parseInt(text.strip());
            if (value < 0 || value > 48) {
                throw new IllegalArgumentException("a key count must be 0-48: " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a key count must be a number: " + text);
        }
    }

    private final class WatchedDisplay implements Display {
        private final Display display;

        WatchedDisplay(Display display) {
            this.display = display;
        }

        @Override
        public Geometry geometry() {
            return display.geometry();
        }

        @Override
        public void show(Screen next) {
            display.show(next);
            if (!next.equals(screen)) {
                screen = next;
                changed();
            }
        }

        @Override
        public void close() {
            display.close();
        }
    }

    private final class WatchedLeds implements Leds {
        private final Leds driver;

        WatchedLeds(Leds driver) {
            this.driver = driver;
        }

        @Override
        public void set(Led led, LedState state) {
            driver.set(led, state);
            LedState before = state.isOff() ? leds.remove(led) : leds.put(led, state);
            if (before == null ? !state.isOff() : !before.equals(state)) {
                changed();
            }
        }

        @Override
        public void close() {
            driver.close();
        }
    }

    private final class WatchedHook implements HookSwitch {
        private final HookSwitch driver;

        WatchedHook(HookSwitch driver) {
            this.driver = driver;
        }

        @Override
        public void open(Consumer<HookState> listener) {
            driver.open(state -> {
                hook = state;
                changed();
                listener.accept(state);
            });
        }

        @Override
        public HookState state() {
            return driver.state();
        }

        @Override
        public void close() {
            driver.close();
        }
    }
}
