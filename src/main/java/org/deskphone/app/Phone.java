package org.deskphone.app;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.deskphone.config.ConfigStore;
import org.deskphone.hal.Board;
import org.deskphone.hal.HookState;
import org.deskphone.hal.KeyEvent;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.loop.Timer;
import org.deskphone.ui.IdleScreen;
import org.tinylog.Logger;

/**
 * One phone: a board's drivers wired to the phone loop, and the features that live on it. Drivers post
 * their events to the loop; everything here after construction runs on the loop thread.
 */
public final class Phone {
    static final String NO_ACCOUNT = "No account";

    private final Board board;
    private final DataFolder data;
    private final PhoneLoop loop;
    private final ConfigStore config;
    private final IdleScreen idleScreen;
    private final List<Consumer<KeyEvent>> keyListeners = new ArrayList<>();
    private final List<Consumer<HookState>> hookListeners = new ArrayList<>();
    private Timer clockTick;

    public Phone(Board board, DataFolder data, PhoneLoop loop, ConfigStore config, ZoneId zone) {
        this.board = board;
        this.data = data;
        this.loop = loop;
        this.config = config;
        this.idleScreen = new IdleScreen("deskphone", zone);
    }

    public Board board() {
        return board;
    }

    public DataFolder data() {
        return data;
    }

    public PhoneLoop loop() {
        return loop;
    }

    /** The configuration store; it belongs to the loop (see {@link ConfigStore}). */
    public ConfigStore config() {
        return config;
    }

    /**
     * Opens the drivers and draws the idle screen. The work runs on the loop; the future completes when
     * it has (at once on a started loop, at the next {@link PhoneLoop#runPending()} on a test's loop).
     */
    public CompletableFuture<Void> start() {
        return loop.ask(() -> {
            board.keypad().open(event -> loop.post(() -> keyEvent(event)));
            board.hook().open(state -> loop.post(() -> hookChanged(state)));
            showIdle();
            Logger.info("phone up on board {} with data in {}", board.descriptor().name(), data);
            return null;
        });
    }

    /**
     * Stops timers on the loop, then the loop itself, then closes the drivers and saves what the
     * configuration store still holds; bounded by {@code timeout}.
     */
    public void stop(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!loop.inLoop()) {
            try {
                loop.ask(this::quiesce).get(Math.max(1, timeout.toMillis() / 2), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                Logger.warn("phone loop did not quiesce in time: {}", e.toString());
            }
        } else {
            quiesce();
        }
        long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        if (!loop.stop(Duration.ofMillis(left))) {
            Logger.warn("phone loop thread did not end within {}", timeout);
        }
        board.close();
        long remaining = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        if (!config.close(Duration.ofMillis(remaining))) {
            Logger.warn("the configuration was not saved within {}", timeout);
        }
        Logger.info("phone stopped");
    }

    /** Adds a handler for key events; runs on the loop. */
    public void onKey(Consumer<KeyEvent> listener) {
        keyListeners.add(listener);
    }

    /** Adds a handler for hook changes; runs on the loop. */
    public void onHook(Consumer<HookState> listener) {
        hookListeners.add(listener);
    }

    private Void quiesce() {
        if (clockTick != null) {
            clockTick.cancel();
        }
        return null;
    }

    private void keyEvent(KeyEvent event) {
        Logger.debug("key {}", event);
        for (Consumer<KeyEvent> listener : keyListeners) {
            listener.accept(event);
        }
    }

    private void hookChanged(HookState state) {
        Logger.debug("hook {}", state);
        for (Consumer<HookState> listener : hookListeners) {
            listener.accept(state);
        }
    }

    /** Draws the idle screen and wakes up again at the next minute to keep its clock right. */
    private void showIdle() {
        Instant now = loop.clock().now();
        board.display().show(idleScreen.render(board.display().geometry(), now, NO_ACCOUNT));
        Duration untilNextMinute = Duration.between(now, now.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES));
        clockTick = loop.schedule(untilNextMinute, this::showIdle);
    }
}
