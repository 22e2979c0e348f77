package org.deskphone.loop;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** The cost of one message through the phone loop: post, then run on the driving thread. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PhoneLoopBenchmark {
    private final PhoneLoop loop = new PhoneLoop(new VirtualClock(Instant.EPOCH));
    private long counter;

    @Benchmark
    public long postAndRun() {
        loop.post(() -> counter++);
        loop.runPending();
        return counter;
    }
}
