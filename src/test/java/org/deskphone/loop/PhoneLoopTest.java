package org.deskphone.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PhoneLoopTest {
    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final PhoneLoop loop = new PhoneLoop(clock);
    private final List<String> log = new ArrayList<>();

    @Test
    void timersFireAtTheirDueTimeInOrder() {
        loop.schedule(Duration.ofMillis(300), () -> log.add("c@" + clock.millis()));
        loop.schedule(Duration.ofMillis(100), () -> log.add("a@" + clock.millis()));
        loop.schedule(Duration.ofMillis(200), () -> log.add("b@" + clock.millis()));

        loop.advance(Duration.ofMillis(150));
        assertThat(log).containsExactly("a@100");

        loop.advance(Duration.ofMillis(1000));
        assertThat(log).containsExactly("a@100", "b@200", "c@300");
        assertThat(clock.millis()).isEqualTo(1150);
    }

    @Test
    void timersDueAtTheSameTimeFireInTheOrderTheyWereSet() {
        for (String name : List.of("first", "second", "third")) {
            loop.schedule(Duration.ofSeconds(1), () -> log.add(name));
        }
        loop.advance(Duration.ofSeconds(1));
        assertThat(log).containsExactly("first", "second", "third");
    }

    @Test
    void aTimerSetByATimerFiresInTheSameAdvanceWhenItFallsInside() {
        loop.schedule(Duration.ofMillis(100), () -> {
            log.add("outer@" + clock.millis());
            loop.schedule(Duration.ofMillis(50), () -> log.add("inner@" + clock.millis()));
        });
        loop.advance(Duration.ofMillis(200));
        assertThat(log).containsExactly("outer@100", "inner@150");
    }

    @Test
    void repeatingTimerFiresEveryPeriodUntilCancelled() {
        Timer timer = loop.every(Duration.ofSeconds(1), () -> log.add("tick@" + clock.millis()));
        loop.advance(Duration.ofMillis(3500));
        assertThat(log).containsExactly("tick@1000", "tick@2000", "tick@3000");

        timer.cancel();
        loop.advance(Duration.ofSeconds(5));
        assertThat(log).hasSize(3);
        assertThat(loop.pendingTimers()).isZero();
    }

    @Test
    void cancelledTimerNeverRuns() {
        Timer timer = loop.schedule(Duration.ofMillis(10), () -> log.add("ran"));
        timer.cancel();
        loop.advance(Duration.ofSeconds(1));
        assertThat(log).isEmpty();
        assertThat(timer.isCancelled()).isTrue();
    }

    @Test
    void postedTasksRunBeforeTimersDueAtTheSameMoment() {
        loop.schedule(Duration.ZERO, () -> log.add("timer"));
        loop.post(() -> log.add("task"));
        loop.runPending();
        assertThat(log).containsExactly("task", "timer");
    }

    @Test
    void aFailingTaskIsLoggedAndTheLoopGoesOn() {
        loop.post(() -> {
            throw new IllegalStateException("boom");
        });
        loop.post(() -> log.add("after"));
        assertThat(loop.runPending()).isEqualTo(2);
        assertThat(log).containsExactly("after");
    }

    @Test
    void askAnswersWithAValueComputedOnTheLoop() throws Exception {
        CompletableFuture<Boolean> onLoop = loop.ask(loop::inLoop);
        assertThat(onLoop).isNotDone();
        loop.runPending();
        assertThat(onLoop.get()).isTrue();
    }

    @Test
    void advanceNeedsAVirtualClock() {
        PhoneLoop real = new PhoneLoop(Clock.system());
        assertThatThrownBy(() -> real.advance(Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("VirtualClock");
    }

    @Test
    void negativeDelaysAreRefused() {
        assertThatThrownBy(() -> loop.schedule(Duration.ofMillis(-1), () -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("delay");
        assertThatThrownBy(() -> loop.every(Duration.ZERO, () -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("period");
    }

    @Test
    void onlyTheDrivingThreadMayRunPending() throws Exception {
        loop.runPending();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread other = new Thread(() -> {
            try {
                loop.runPending();
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        other.start();
        other.join();
        assertThat(failure.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("owned by");
    }

    @Test
    void threadedLoopRunsPostsAndTimersOnItsOwnThreadAndStops() throws Exception {
        PhoneLoop threaded = new PhoneLoop(Clock.system());
        threaded.start("test-loop");
        try {
            CountDownLatch fired = new CountDownLatch(2);
            List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
            threaded.post(() -> {
                threads.add(Thread.currentThread().getName());
                fired.countDown();
            });
            threaded.schedule(Duration.ofMillis(30), () -> {
                threads.add(Thread.currentThread().getName());
                fired.countDown();
            });
            assertThat(fired.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(threads).containsOnly("test-loop");
            assertThat(threaded.ask(threaded::inLoop).get(5, TimeUnit.SECONDS)).isTrue();
            assertThat(threaded.inLoop()).isFalse();
        } finally {
            assertThat(threaded.stop(Duration.ofSeconds(2))).isTrue();
        }
        threaded.post(() -> log.add("after stop"));
        assertThat(log).isEmpty();
    }

    @Test
    void stopWakesALoopWaitingForAFarTimer() {
        PhoneLoop threaded = new PhoneLoop(Clock.system());
        threaded.start("test-loop");
        threaded.schedule(Duration.ofHours(1), () -> log.add("never"));
        assertThat(threaded.stop(Duration.ofSeconds(2))).isTrue();
        assertThat(log).isEmpty();
    }
}
