package org.deskphone.call;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The phone's call history: placed, received, missed and forwarded calls, newest first, at most
 * {@link #LIMIT_PER_KIND} of each kind (the manuals set no limit; 100 per list is what desk phones keep),
 * the oldest going first. Changed on the phone loop; {@link #entries()} and {@link #missedUnseen()} may be
 * read from any thread (the web UI's history page).
 */
public final class CallHistory {
    public static final int LIMIT_PER_KIND = 100;

    private final HistoryStore store;
    private volatile List<HistoryEntry> entries;
    private volatile int missedUnseen;

    /** {@code loaded}: the history kept before, newest first. */
    public CallHistory(List<HistoryEntry> loaded, HistoryStore store) {
        this.store = store;
        this.entries = trim(loaded);
    }

    public static CallHistory empty() {
        return new CallHistory(List.of(), HistoryStore.NONE);
    }

    /** Every call, newest first; any thread. */
    public List<HistoryEntry> entries() {
        return entries;
    }

    /** The calls of {@code kind}, newest first; any thread. */
    public List<HistoryEntry> entries(HistoryEntry.Kind kind) {
        return entries.stream().filter(entry -> entry.kind() == kind).toList();
    }

    /** The newest call of one of {@code kinds}. */
    public Optional<HistoryEntry> latest(HistoryEntry.Kind... kinds) {
        List<HistoryEntry.Kind> wanted = List.of(kinds);
        return entries.stream().filter(entry -> wanted.contains(entry.kind())).findFirst();
    }

    /** Missed calls since the user last looked; any thread. */
    public int missedUnseen() {
        return missedUnseen;
    }

    /** The user looked at the missed calls (opened the history, or pressed the key the screen offered). */
    public void missedSeen() {
        missedUnseen = 0;
    }

    /** Records a call; on the loop. */
    void add(HistoryEntry entry) {
        List<HistoryEntry> next = new ArrayList<>(entries.size() + 1);
        next.add(entry);
        next.addAll(entries);
        entries = trim(next);
        if (entry.kind() == HistoryEntry.Kind.MISSED) {
            missedUnseen++;
        }
        store.save(entries);
    }

    /** Deletes the history; on the loop. */
    public void clear() {
        entries = List.of();
        missedUnseen = 0;
        store.save(entries);
    }

    /** Deletes one call; on the loop. */
    public void remove(HistoryEntry entry) {
        List<HistoryEntry> next = new ArrayList<>(entries);
        if (next.remove(entry)) {
            entries = List.copyOf(next);
            store.save(entries);
        }
    }

    private static List<HistoryEntry> trim(List<HistoryEntry> newestFirst) {
        Map<HistoryEntry.Kind, Integer> counts = new EnumMap<>(HistoryEntry.Kind.class);
        List<HistoryEntry> kept = new ArrayList<>();
        for (HistoryEntry entry : newestFirst) {
            int count = counts.merge(entry.kind(), 1, Integer::sum);
            if (count <= LIMIT_PER_KIND) {
                kept.add(entry);
            }
        }
        return List.copyOf(kept);
    }
}
