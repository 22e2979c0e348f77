package org.deskphone.app;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.deskphone.call.HistoryEntry;
import org.deskphone.web.CallHistory;

/**
 * The web UI's call-history page reads the telephone's history (any thread: it is an immutable list) and
 * clears it on the phone loop, its owner.
 */
final class WebCallHistory implements CallHistory {
    private final Phone phone;

    WebCallHistory(Phone phone) {
        this.phone = phone;
    }

    @Override
    public boolean available() {
        return phone.telephone() != null;
    }

    @Override
    public List<CallRecord> calls() {
        if (phone.telephone() == null) {
            return List.of();
        }
        return phone.telephone().history().entries().stream().map(WebCallHistory::record).toList();
    }

    @Override
    public void clear() {
        try {
            phone.loop().ask(() -> {
                phone.telephone().history().clear();
                return null;
            }).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the call history could not be cleared: " + e.getMessage(), e);
        }
    }

    private static CallRecord record(HistoryEntry entry) {
        return new CallRecord(CallRecord.Kind.valueOf(entry.kind().name()), entry.account(), entry.number(), entry.name(), entry.started(),
                entry.duration());
    }
}
