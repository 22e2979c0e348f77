package org.deskphone.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.deskphone.call.CallHistory;
import org.deskphone.call.HistoryEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The call history survives a restart, whole or not at all; a damaged line costs only itself. */
class HistoryFileTest {
    @TempDir
    Path folder;

    private static final HistoryEntry MISSED = new HistoryEntry(HistoryEntry.Kind.MISSED, 1, "2000", "Alice\tSmith",
            Instant.parse("2026-11-22T09:00:00Z"), Duration.ZERO);
    private static final HistoryEntry PLACED = new HistoryEntry(HistoryEntry.Kind.PLACED, 2, "sip:1234@127.0.0.1", "",
            Instant.parse("2026-11-22T08:00:00Z"), Duration.ofSeconds(65));

    @Test
    void whatWasSavedIsLoadedAfterARestart() {
        HistoryFile file = new HistoryFile(folder);
        file.save(List.of(MISSED, PLACED));
        assertThat(file.close(Duration.ofSeconds(5))).isTrue();

        List<HistoryEntry> loaded = new HistoryFile(folder).load();
        assertThat(loaded).containsExactly(
                new HistoryEntry(HistoryEntry.Kind.MISSED, 1, "2000", "Alice Smith", MISSED.started(), Duration.ZERO), PLACED);
        assertThat(new CallHistory(loaded, new HistoryFile(folder)).entries(HistoryEntry.Kind.MISSED)).hasSize(1);
    }

    @Test
    void aDamagedLineIsSkippedAndTheRestKept() throws Exception {
        HistoryFile file = new HistoryFile(folder);
        file.save(List.of(MISSED, PLACED));
        file.close(Duration.ofSeconds(5));
        Path saved = folder.resolve(HistoryFile.FILE);
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(saved, StandardCharsets.UTF_8));
        lines.add(0, "MISSED\tnot-a-number\t2000");
        Files.write(saved, lines, StandardCharsets.UTF_8);
        assertThat(new HistoryFile(folder).load()).hasSize(2);
    }

    /** At most 100 calls of each kind are kept, the oldest going first. */
    @Test
    void theHistoryKeepsAHundredOfEachKind() {
        List<HistoryEntry> many = new java.util.ArrayList<>();
        for (int i = 0; i < 130; i++) {
            many.add(new HistoryEntry(HistoryEntry.Kind.PLACED, 1, "n" + i, "", Instant.parse("2026-11-22T08:00:00Z").minusSeconds(i), Duration.ZERO));
        }
        CallHistory history = new CallHistory(many, entries -> { });
        assertThat(history.entries(HistoryEntry.Kind.PLACED)).hasSize(CallHistory.LIMIT_PER_KIND)
                .first().extracting(HistoryEntry::number).isEqualTo("n0");
    }
}
