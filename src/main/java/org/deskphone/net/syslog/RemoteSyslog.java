package org.deskphone.net.syslog;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The phone's remote syslog, switched on, off or elsewhere at run time from the settings. tinylog builds
 * its writers once, when logging starts, long before the configuration is read; so the writer
 * ({@link RemoteSyslogWriter}) is always there and hands entries to whatever this holder was last
 * configured with. The local log is not touched: it stays readable on the phone.
 */
public final class RemoteSyslog {
    private static final long PID = ProcessHandle.current().pid();
    private static volatile SyslogSender sender;

    private RemoteSyslog() {
    }

    /** Starts sending with {@code settings}, after stopping what was sending before. */
    public static synchronized void configure(SyslogSettings settings) {
        Objects.requireNonNull(settings, "settings");
        SyslogSender old = sender;
        if (old != null && old.settings().equals(settings)) {
            return;
        }
        sender = settings.enabled() && settings.maxSeverity() >= 0 ? new SyslogSender(settings) : null;
        if (old != null) {
            old.close(Duration.ofMillis(200));
        }
    }

    /** Stops sending, after at most {@code linger} spent on what is queued. */
    public static synchronized void stop(Duration linger) {
        SyslogSender old = sender;
        sender = null;
        if (old != null) {
            old.close(linger);
        }
    }

    /** What the remote log does now, for the status page. */
    public static String status() {
        SyslogSender now = sender;
        if (now == null) {
            return "remote syslog off";
        }
        String problem = now.lastProblem();
        return "remote syslog " + now.settings() + (problem.isEmpty() ? "" : " - " + problem);
    }

    /** Queues one entry when its severity is among those sent; never blocks. */
    static void send(int severity, Instant time, String messageId, String text) {
        SyslogSender now = sender;
        if (now == null || severity > now.settings().maxSeverity()) {
            return;
        }
        SyslogSettings settings = now.settings();
        now.offer(SyslogMessage.format(settings.facility(), severity, time, settings.hostname(), PID, messageId, text));
    }
}
