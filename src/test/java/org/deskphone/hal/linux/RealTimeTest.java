package org.deskphone.hal.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The native helpers built for this machine by {@code native/build} (target/native/linux-x86_64), called
 * for real: scheduling, memory locking, and the governor on a stand-in sysfs tree. A build without a C
 * compiler has no library; then these tests are skipped, except under CI, where they fail.
 */
class RealTimeTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void theLibraryWasBuilt() {
        boolean built = Files.isRegularFile(NativeHelpers.location());
        assumeTrue(built || "true".equals(System.getenv("CI")), "native/build made no library for this machine");
    }

    @Test
    void theLibraryForThisMachineLoadsAndSaysFromWhere() {
        RealTime realTime = RealTime.get();
        assertThat(realTime.available()).as(realTime.status()).isTrue();
        assertThat(realTime.status()).contains("loaded from").contains(NativeHelpers.FILE).contains("(" + NativeHelpers.arch() + ")");
    }

    @Test
    void aThreadGoesToSchedFifoAndBack() throws Exception {
        List<String> seen = new ArrayList<>();
        Thread media = new Thread(() -> {
            RealTime realTime = RealTime.get();
            seen.add(realTime.currentThreadScheduling());
            Outcome raised = realTime.raiseCurrentThread(10);
            seen.add(raised.done() + " " + raised.message());
            seen.add(realTime.currentThreadScheduling());
            seen.add(realTime.lowerCurrentThread().message());
            seen.add(realTime.currentThreadScheduling());
        }, "media-test");
        media.start();
        media.join();
        assertThat(seen.get(0)).isEqualTo("SCHED_OTHER");
        if (seen.get(1).startsWith("true")) {
            assertThat(seen).containsExactly("SCHED_OTHER", "true thread media-test runs SCHED_FIFO 10", "SCHED_FIFO 10",
                    "thread media-test runs SCHED_OTHER", "SCHED_OTHER");
        } else {
            // Neither root nor an RLIMIT_RTPRIO: refused, said why, and nothing changed.
            assertThat(seen.get(1)).contains("SCHED_FIFO 10 refused").contains("RLIMIT_RTPRIO");
            assertThat(seen.get(2)).isEqualTo("SCHED_OTHER");
        }
    }

    @Test
    void memoryLocksAndUnlocksOrSaysWhyNot() {
        Outcome locked = RealTime.get().lockMemory();
        if (locked.done()) {
            assertThat(locked.message()).isEqualTo("memory locked");
            assertThat(RealTime.get().unlockMemory().done()).isTrue();
        } else {
            assertThat(locked.message()).startsWith("memory not locked: ").contains("LimitMEMLOCK");
        }
    }

    @Test
    void theGovernorIsWrittenForEveryCpuThatHasOne() throws Exception {
        for (String cpu : List.of("cpu0", "cpu1", "cpu3")) {
            Files.createDirectories(tmp.resolve(cpu).resolve("cpufreq"));
            Files.writeString(tmp.resolve(cpu).resolve("cpufreq/scaling_governor"), "ondemand\n");
        }
        Files.createDirectories(tmp.resolve("cpu2")); // offline: no cpufreq folder
        Files.createDirectories(tmp.resolve("cpufreq/policy0"));
        Files.createDirectories(tmp.resolve("cpuidle"));

        Outcome outcome = RealTime.get().setCpuGovernor(tmp.toString(), "performance");
        assertThat(outcome).isEqualTo(new Outcome(true, "CPU governor performance on 3 CPUs"));
        assertThat(Files.readString(tmp.resolve("cpu1/cpufreq/scaling_governor"))).isEqualTo("performance");
    }

    @Test
    void aMachineWithoutCpufreqKeepsItsGovernorAndSaysSo() {
        Outcome outcome = RealTime.get().setCpuGovernor(tmp.toString(), "performance");
        assertThat(outcome.done()).isFalse();
        assertThat(outcome.message()).contains("this machine has no cpufreq");
    }
}
