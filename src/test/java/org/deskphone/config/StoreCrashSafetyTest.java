package org.deskphone.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tinylog.Logger;

/**
 * A kill -9 at any instant leaves the old or the new configuration, never a torn one (issue 3): a child
 * JVM rewrites the store in a loop and is killed at random instants; after each kill the store file
 * itself (not its backup) must load, hold one generation throughout, and hold at least the last
 * generation the child reported saved.
 */
class StoreCrashSafetyTest {
    private static final int ROUNDS = 16;
    @TempDir
    Path folder;

    @Test
    void aKillAtAnyInstantLeavesTheOldOrTheNewConfiguration() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        int acknowledged = 0;
        int midWrite = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Process child = ChildJvm.start(StoreCrashChild.class, List.of(), false, folder.toString());
            AtomicInteger saved = new AtomicInteger(acknowledged);
            List<String> heard = new CopyOnWriteArrayList<>();
            AtomicReference<Throwable> readFailure = new AtomicReference<>();
            BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            Thread reader = new Thread(() -> {
                try {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        heard.add(line);
                        if (line.startsWith("saved ")) {
                            saved.set(Integer.parseInt(line.substring(6)));
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    readFailure.set(e);
                }
            });
            reader.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            int before = acknowledged;
            while (saved.get() == before && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(saved.get()).as("the child saves (seed %d, round %d)", seed, round).isGreaterThan(before);
            Thread.sleep(random.nextInt(120));
            // SIGKILL through the handle: Process.destroyForcibly would also close our end of the child's
            // output, losing the last lines it printed.
            child.toHandle().destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            reader.join(30_000);
            assertThat(reader.isAlive()).as("the child's output was read to its end").isFalse();
            assertThat(readFailure.get()).as("reading the child's output, heard %s", heard).isNull();
            acknowledged = saved.get();
            if (Files.exists(folder.resolve(StoreWriter.TEMPORARY))) {
                midWrite++;
            }

            Layers layers = StoreFile.read(folder.resolve(StoreFile.NAME));
            Set<String> generations = new HashSet<>();
            for (int i = 1; i <= StoreCrashChild.KEYS; i++) {
                generations.add(layers.local().get(StoreCrashChild.key(i)));
            }
            assertThat(generations).as("one generation throughout (seed %d, round %d)", seed, round).hasSize(1);
            int onDisk = Integer.parseInt(generations.iterator().next().substring(4));
            assertThat(onDisk).as("acknowledged saves survive (seed %d, round %d, heard %s)", seed, round,
                    heard.subList(Math.max(0, heard.size() - 4), heard.size()))
                    .isBetween(acknowledged, acknowledged + 1);
            assertThat(layers.provisioned().size()).isEqualTo(StoreCrashChild.PROVISIONED);
            acknowledged = onDisk;
        }
        Logger.info("crash-safety: {} kills, {} of them during a write (seed {})", ROUNDS, midWrite, seed);
    }
}
