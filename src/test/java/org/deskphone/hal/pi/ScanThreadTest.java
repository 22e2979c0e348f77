package org.deskphone.hal.pi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A driver's thread hands failures back once per run of failures, keeps trying, and joins on close. */
class ScanThreadTest {

    @Test
    void aRunOfFailuresIsReportedOnceAndAgainAfterARecovery() throws Exception {
        AtomicInteger passes = new AtomicInteger();
        List<Exception> errors = new CopyOnWriteArrayList<>();
        ScanThread thread = new ScanThread("scan-test", Duration.ofMillis(1), () -> {
            int pass = passes.incrementAndGet();
            if (pass <= 5 || pass >= 10 && pass < 15) {
                throw new IllegalStateException("bus error in pass " + pass);
            }
        }, errors::add);
        thread.start();
        LcdDisplayTest.await(() -> passes.get() >= 20);
        thread.close();
        int after = passes.get();
        Thread.sleep(50);
        assertThat(passes.get()).as("no pass after close").isEqualTo(after);
        assertThat(errors).extracting(Exception::getMessage).containsExactly("bus error in pass 1", "bus error in pass 10");
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("scan-test") && t.isAlive());
    }

    @Test
    void debounceTimesBecomeWholeScans() {
        assertThat(Debouncer.samplesFor(20, 5)).isEqualTo(4);
        assertThat(Debouncer.samplesFor(50, 10)).isEqualTo(5);
        assertThat(Debouncer.samplesFor(12, 5)).isEqualTo(3);
        assertThat(Debouncer.samplesFor(1, 10)).isEqualTo(1);
    }
}
