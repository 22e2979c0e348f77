package org.deskphone.media.bench;

import java.util.concurrent.TimeUnit;
import org.deskphone.media.TestAudio;
import org.deskphone.media.codec.CodecType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Microseconds per 20 ms frame through the whole send and receive path ({@link FramePath}), per codec,
 * with and without SRTP. Run by {@code tools/bench/media} (or {@code tools/bench/jmh MediaPath}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MediaPathBenchmark {
    @Param({"PCMU", "PCMA", "G722", "G726_32", "OPUS"})
    public String codec;

    @Param({"false", "true"})
    public boolean srtp;

    private FramePath path;

    @Setup
    public void setUp() {
        path = new FramePath(CodecType.valueOf(codec), srtp, TestAudio.speech(16000));
    }

    @Benchmark
    public int frame() {
        return path.frame();
    }
}
