package org.deskphone.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The last {@link #CAPACITY} log lines, in memory, for the logs page and for watching a provisioning run
 * as it goes: fed by {@link WebLogWriter} ({@code writerWeb = web log} in the logging configuration).
 * Each line has a sequence number, so a page asks only for what it has not seen.
 */
public final class RecentLog {
    static final int CAPACITY = 2000;
    private static final RecentLog INSTANCE = new RecentLog();

    /** One log line. */
    record Line(long sequence, Instant time, String level, String thread, String className, String message) {
    }

    private final Line[] ring = new Line[CAPACITY];
    private final List<Consumer<Line>> watchers = new CopyOnWriteArrayList<>();
    private long next;
    private volatile boolean fed;

    private RecentLog() {
    }

    /** The process's log; there is one tinylog, so there is one. */
    public static RecentLog get() {
        return INSTANCE;
    }

    void add(Instant time, String level, String thread, String className, String message) {
        Line line;
        synchronized (this) {
            fed = true;
            line = new Line(next, time, level, thread, className, message);
            ring[(int) (next % CAPACITY)] = line;
            next++;
        }
        for (Consumer<Line> watcher : watchers) {
            watcher.accept(line);
        }
    }

    /** True once the writer has delivered anything: a logging configuration without it leaves the page empty. */
    boolean fed() {
        return fed;
    }

    /** The lines after {@code sequence} (all kept lines for -1), oldest first. */
    synchronized List<Line> since(long sequence) {
        long first = Math.max(Math.max(sequence + 1, 0), next - CAPACITY);
        List<Line> lines = new ArrayList<>((int) Math.max(0, next - first));
        for (long s = first; s < next; s++) {
            lines.add(ring[(int) (s % CAPACITY)]);
        }
        return lines;
    }

    /** The sequence number the next line will get. */
    synchronized long next() {
        return next;
    }

    /** Calls {@code watcher} with each new line, on the logging thread; it must return quickly. */
    Runnable watch(Consumer<Line> watcher) {
        watchers.add(watcher);
        return () -> watchers.remove(watcher);
    }
}
