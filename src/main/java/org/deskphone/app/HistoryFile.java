package org.deskphone.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.deskphone.call.HistoryEntry;
import org.deskphone.call.HistoryStore;
import org.tinylog.Logger;

/**
 * The call history kept in {@code <data>/history/calls.tsv}: one call per line, newest first, as
 * {@code kind TAB account TAB number TAB name TAB started TAB seconds}. Saved whole, by a thread of its own,
 * into a new file moved over the old one, so that the loop never waits and a crash leaves one whole file; a
 * burst of changes is written once. A line that cannot be read is skipped and logged.
 */
final class HistoryFile implements HistoryStore {
    static final String FILE = "calls.tsv";

    private final Path file;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "history-writer");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<List<HistoryEntry>> pending = new AtomicReference<>();

    HistoryFile(Path folder) {
        this.file = folder.resolve(FILE);
    }

    /** The history saved before, newest first; empty when there is none. */
    List<HistoryEntry> load() {
        List<HistoryEntry> entries = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return entries;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String[] f = lines.get(i).split("\t", -1);
                try {
                    entries.add(new HistoryEntry(HistoryEntry.Kind.valueOf(f[0]), Integer.parseInt(f[1]), f[2], f[3], Instant.parse(f[4]),
                            Duration.ofSeconds(Long.parseLong(f[5]))));
                } catch (RuntimeException e) {
                    Logger.warn("{} line {} is not a call; skipped", file, i + 1);
                }
            }
        } catch (IOException e) {
            Logger.warn("cannot read the call history {}: {}", file, e.getMessage());
        }
        return entries;
    }

    @Override
    public void save(List<HistoryEntry> entries) {
        if (pending.getAndSet(List.copyOf(entries)) == null) {
            writer.execute(this::write);
        }
    }

    private void write() {
        List<HistoryEntry> entries = pending.getAndSet(null);
        if (entries == null) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (HistoryEntry e : entries) {
            text.append(e.kind()).append('\t').append(e.account()).append('\t').append(clean(e.number())).append('\t')
                    .append(clean(e.name())).append('\t').append(e.started()).append('\t').append(e.duration().toSeconds()).append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            Path next = file.resolveSibling("." + FILE + ".new");
            Files.writeString(next, text, StandardCharsets.UTF_8);
            try {
                Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(next, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            Logger.warn("cannot save the call history in {}: {}", file, e.getMessage());
        }
    }

    /** Writes what is pending and stops the writer; true when done within {@code timeout}. */
    boolean close(Duration timeout) {
        writer.shutdown();
        try {
            return writer.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String clean(String text) {
        return text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
