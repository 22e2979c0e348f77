package org.deskphone.loop;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.tinylog.Logger;

/**
 * The one thread that owns the phone's control state. Drivers, the SIP stack, the web server and
 * provisioning post messages here; everything that changes call, key, screen or configuration state runs
 * as one of those messages or as a timer, one at a time, so the core needs no locks.
 *
 * <p>Two ways to drive it: {@link #start(String)} runs it on its own thread against the system clock (the
 * phone); {@link #runPending()} and {@link #advance(Duration)} run it on the caller's thread against a
 * {@link VirtualClock} (tests), deterministically.
 *
 * <p>A task that throws is logged and the loop goes on: one broken handler must not take the phone down.
 */
public final class PhoneLoop implements Executor {
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>(Timer::compareDue);
    private long sequence;
    private boolean stopped;
    private volatile Thread owner;

    public PhoneLoop(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Clock clock() {
        return clock;
    }

    /** Queues {@code task} to run on the loop. Safe from any thread; ignored once the loop has stopped. */
    public void post(Runnable task) {
        Objects.requireNonNull(task, "task");
        lock.lock();
        try {
            if (stopped) {
                Logger.debug("phone loop stopped; dropped a posted task");
                return;
            }
            tasks.add(task);
            changed.signal();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void execute(Runnable task) {
        post(task);
    }

    /** Runs {@code task} once, {@code delay} from now. Safe from any thread. */
    public Timer schedule(Duration delay, Runnable task) {
        return add(task, nonNegative(delay, "delay"), 0);
    }

    /** Runs {@code task} every {@code period}, the first time one period from now. */
    public Timer every(Duration period, Runnable task) {
        long periodMillis = nonNegative(period, "period");
        if (periodMillis == 0) {
            throw new IllegalArgumentException("period must be positive");
        }
        return add(task, periodMillis, periodMillis);
    }

    /**
     * Asks the loop for a value computed on its thread: how readers outside the loop (web requests, tests)
     * get a consistent snapshot of core state.
     */
    public <T> CompletableFuture<T> ask(Supplier<T> question) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        post(() -> {
            try {
                answer.complete(question.get());
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        return answer;
    }

    /** True when the calling thread is the one running this loop's tasks. */
    public boolean inLoop() {
        return Thread.currentThread() == owner;
    }

    /** Starts the loop on its own thread. */
    public void start(String threadName) {
        Thread thread = new Thread(this::runUntilStopped, threadName);
        lock.lock();
        try {
            if (owner != null || stopped) {
                throw new IllegalStateException("phone loop already started or stopped");
            }
            owner = thread;
        } finally {
            lock.unlock();
        }
        thread.start();
    }

    /**
     * Stops taking work: the task running now finishes, queued tasks and timers are dropped. Waits up to
     * {@code timeout} for the loop thread to end and says whether it did.
     */
    public boolean stop(Duration timeout) {
        lock.lock();
        try {
            stopped = true;
            tasks.clear();
            timers.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        Thread thread = owner;
        if (thread == null || thread == Thread.currentThread() || !thread.isAlive()) {
            return true;
        }
        try {
            thread.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    /**
     * Runs, on the calling thread, every queued task and every timer due by the clock's present time,
     * including those they queue, until none is left. Returns how many ran. For tests and for a loop
     * driven by a virtual clock; not to be mixed with {@link #start(String)}.
     */
    public int runPending() {
        claimForCaller();
        int ran = 0;
        Runnable next;
        while ((next = nextReady()) != null) {
            runSafely(next);
            ran++;
        }
        return ran;
    }

    /**
     * Moves a {@link VirtualClock} forward by {@code step}, stopping at each timer's due time to run it
     * and what it queues, in the order a real phone would. Runs on the calling thread.
     */
    public void advance(Duration step) {
        if (!(clock instanceof VirtualClock)) {
            throw new IllegalStateException("advance needs a VirtualClock, not " + clock);
        }
        VirtualClock virtual = (VirtualClock) clock;
        long target = virtual.millis() + nonNegative(step, "step");
        runPending();
        while (true) {
            long due = nextDueAtOrBefore(target);
            if (due < 0) {
                break;
            }
            virtual.set(Math.max(due, virtual.millis()));
            runPending();
        }
        virtual.set(target);
        runPending();
    }

    /** Number of timers still waiting; for tests and diagnostics. */
    public int pendingTimers() {
        lock.lock();
        try {
            timers.removeIf(Timer::isCancelled);
            return timers.size();
        } finally {
            lock.unlock();
        }
    }

    private Timer add(Runnable task, long delayMillis, long periodMillis) {
        Objects.requireNonNull(task, "task");
        lock.lock();
        try {
            Timer timer = new Timer(task, clock.millis() + delayMillis, periodMillis, sequence++);
            if (!stopped) {
                timers.add(timer);
                changed.signal();
            }
            return timer;
        } finally {
            lock.unlock();
        }
    }

    private void runUntilStopped() {
        while (true) {
            Runnable next;
            lock.lock();
            try {
                while (true) {
                    if (stopped) {
                        return;
                    }
                    next = readyLocked();
                    if (next != null) {
                        break;
                    }
                    Timer first = timers.peek();
                    if (first == null) {
                        changed.awaitUninterruptibly();
                    } else {
                        long wait = first.dueMillis - clock.millis();
                        try {
                            changed.await(Math.max(1, wait), TimeUnit.MILLISECONDS);
                        } catch (InterruptedException e) {
                            Logger.debug("phone loop interrupted while idle");
                        }
                    }
                }
            } finally {
                lock.unlock();
            }
            runSafely(next);
        }
    }

    private Runnable nextReady() {
        lock.lock();
        try {
            return readyLocked();
        } finally {
            lock.unlock();
        }
    }

    /** A posted task first, else a due timer; for a repeating timer, its next run is queued now. */
    private Runnable readyLocked() {
        Runnable task = tasks.poll();
        if (task != null) {
            return task;
        }
        long now = clock.millis();
        Timer first;
        while ((first = timers.peek()) != null && first.dueMillis <= now) {
            timers.poll();
            if (first.isCancelled()) {
                continue;
            }
            Timer due = first;
            if (due.repeats()) {
                due.dueMillis = Math.max(due.dueMillis + due.periodMillis, now);
                timers.add(due);
            }
            return () -> {
                if (!due.isCancelled()) {
                    due.task.run();
                }
            };
        }
        return null;
    }

    private long nextDueAtOrBefore(long limit) {
        lock.lock();
        try {
            timers.removeIf(Timer::isCancelled);
            Timer first = timers.peek();
            return first != null && first.dueMillis <= limit ? first.dueMillis : -1;
        } finally {
            lock.unlock();
        }
    }

    private void claimForCaller() {
        Thread caller = Thread.currentThread();
        Thread current = owner;
        if (current == null) {
            owner = caller;
        } else if (current != caller) {
            throw new IllegalStateException("phone loop is owned by " + current.getName()
                    + "; runPending called from " + caller.getName());
        }
    }

    private static void runSafely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            Logger.error(e, "phone loop task failed; the loop goes on");
        }
    }

    private static long nonNegative(Duration duration, String what) {
        long millis = Objects.requireNonNull(duration, what).toMillis();
        if (millis < 0) {
            throw new IllegalArgumentException(what + " must not be negative: " + duration);
        }
        return millis;
    }
}
