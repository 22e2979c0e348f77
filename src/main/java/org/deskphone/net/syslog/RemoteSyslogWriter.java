package org.deskphone.net.syslog;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import org.tinylog.core.LogEntry;
import org.tinylog.core.LogEntryValue;
import org.tinylog.writers.Writer;

/**
 * tinylog's side of the remote syslog: {@code writer2 = remote syslog} in a tinylog configuration. It
 * sends nothing until {@link RemoteSyslog#configure} says where to; each entry becomes an RFC 5424
 * message whose MSGID is the entry's tag or its class's simple name.
 */
public final class RemoteSyslogWriter implements Writer {

    /** tinylog calls this with the writer's properties; there are none to read. */
    public RemoteSyslogWriter(Map<String, String> properties) {
        // Everything comes from the phone's settings through RemoteSyslog.configure.
    }

    @Override
    public Collection<LogEntryValue> getRequiredLogEntryValues() {
        return EnumSet.of(LogEntryValue.DATE, LogEntryValue.LEVEL, LogEntryValue.CLASS, LogEntryValue.TAG,
                LogEntryValue.MESSAGE, LogEntryValue.EXCEPTION);
    }

    @Override
    public void write(LogEntry entry) {
        String text = entry.getMessage() == null ? "" : entry.getMessage();
        if (entry.getException() != null) {
            text = text.isEmpty() ? entry.getException().toString() : text + ": " + entry.getException();
        }
        RemoteSyslog.send(SyslogMessage.severity(entry.getLevel()), entry.getTimestamp().toInstant(), messageId(entry),
                text.replace('\n', ' '));
    }

    private static String messageId(LogEntry entry) {
        if (entry.getTag() != null && !entry.getTag().isEmpty()) {
            return entry.getTag();
        }
        String className = entry.getClassName();
        return className == null ? "-" : className.substring(className.lastIndexOf('.') + 1);
    }

    @Override
    public void flush() {
        // Each message is handed to the sender's queue as it comes.
    }

    @Override
    public void close() {
        RemoteSyslog.stop(java.time.Duration.ofMillis(500));
    }
}
