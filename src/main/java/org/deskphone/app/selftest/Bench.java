package org.deskphone.app.selftest;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.deskphone.app.DataFolder;
import org.deskphone.hal.Board;
import org.deskphone.hal.HookState;
import org.deskphone.hal.KeyEvent;
import org.deskphone.loop.Clock;
import org.deskphone.loop.PhoneLoop;

/**
 * What the self-test has in front of it: the board with its keypad and hook opened onto a running phone
 * loop (so an event counts only once it has reached the loop, as in the phone), the data folder, and
 * the errors the drivers reported from their threads.
 */
public final class Bench implements AutoCloseable {
    private final Board board;
    private final DataFolder data;
    private final PhoneLoop loop = new PhoneLoop(Clock.system());
    private final BlockingQueue<KeyEvent> keys = new LinkedBlockingQueue<>();
    private final BlockingQueue<HookState> hook = new LinkedBlockingQueue<>();
    private final List<Exception> driverErrors;

    /** Starts a phone loop and opens the keypad and hook onto it. {@code driverErrors} is where the board's onError adds. */
    public Bench(Board board, DataFolder data, List<Exception> driverErrors) {
        this.board = board;
        this.data = data;
        this.driverErrors = driverErrors;
        loop.start("selftest-loop");
        board.keypad().open(event -> loop.post(() -> keys.add(event)));
        board.hook().open(state -> loop.post(() -> hook.add(state)));
    }

    /** A place for driver errors, to hand to the board as its {@code onError}. */
    public static List<Exception> errorSink() {
        return new CopyOnWriteArrayList<>();
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

    /** The next key event that reached the loop, or null after {@code wait}. */
    public KeyEvent nextKey(Duration wait) throws InterruptedException {
        return keys.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next hook change that reached the loop, or null after {@code wait}. */
    public HookState nextHook(Duration wait) throws InterruptedException {
        return hook.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The driver errors reported so far. */
    public List<Exception> driverErrors() {
        return List.copyOf(driverErrors);
    }

    /** Stops the loop and closes the board. */
    @Override
    public void close() {
        loop.stop(Duration.ofSeconds(2));
        board.close();
    }
}
