package org.deskphone.app;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.deskphone.hal.Board;
import org.deskphone.hal.HookState;
import org.deskphone.hal.KeyEvent;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.loop.Timer;
import org.deskphone.sip.UserAgent;
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
    private final IdleScreen idleScreen;
    private final List<Consumer<KeyEvent>> keyListeners = new ArrayList<>();
    private final List<Consumer<HookState>> hookListeners = new ArrayList<>();
    private Timer clockTick;
    private volatile UserAgent sip;
    private volatile String sipProblem = "not started";

    public Phone(Board board, DataFolder data, PhoneLoop loop, ZoneId zone) {
        this.board = board;
        this.data = data;
        this.loop = loop;
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

    /** The SIP user agent, once started; empty when SIP could not start ({@link #sipProblem()} says why). */
    public java.util.Optional<UserAgent> sip() {
        return java.util.Optional.ofNullable(sip);
    }

    String sipProblem() {
        return sipProblem;
    }

    void attachSip(UserAgent agent) {
        this.sip = agent;
    }

    void sipFailed(String why) {
        this.sipProblem = why;
    }

    /**
     * Unregisters and stops SIP (while the loop still runs: the unregister's answers arrive there), then stops
     * timers on the loop, the loop itself, and closes the drivers; bounded by {@code timeout}.
     */
    public void stop(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        UserAgent agent = sip;
        if (agent != null && !loop.inLoop()) {
            agent.stop(Duration.ofMillis(Math.max(200, timeout.toMillis() - 400)));
        }
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
