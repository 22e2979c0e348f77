package org.deskphone.web;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import org.tinylog.core.LogEntry;
import org.tinylog.core.LogEntryValue;
import org.tinylog.writers.Writer;

/** tinylog's side of {@link RecentLog}: {@code writerWeb = web log} in a tinylog configuration. */
public final class WebLogWriter implements Writer {

    /** tinylog calls this with the writer's properties; there are none to read. */
    public WebLogWriter(Map<String, String> properties) {
        // The buffer's size is fixed (RecentLog.CAPACITY).
    }

    @Override
    public Collection<LogEntryValue> getRequiredLogEntryValues() {
        return EnumSet.of(LogEntryValue.DATE, LogEntryValue.LEVEL, LogEntryValue.THREAD, LogEntryValue.CLASS,
                LogEntryValue.MESSAGE, LogEntryValue.EXCEPTION);
    }

    @Override
    public void write(LogEntry entry) {
        String text = entry.getMessage() == null ? "" : entry.getMessage();
        if (entry.getException() != null) {
            text = text.isEmpty() ? entry.getException().toString() : text + ": " + entry.getException();
        }
        RecentLog.get().add(entry.getTimestamp().toInstant(), entry.getLevel().name(),
                entry.getThread() == null ? "" : entry.getThread().getName(), entry.getClassName(), text);
    }

    @Override
    public void flush() {
        // Lines are in memory as soon as they are written.
    }

    @Override
    public void close() {
        // Nothing to release; the lines stay readable.
    }
}
