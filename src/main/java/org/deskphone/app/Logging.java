package org.deskphone.app;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.tinylog.configuration.Configuration;
import org.tinylog.provider.ProviderRegistry;

/**
 * Sets tinylog up before anything logs: on a PC, to standard error (standard output is the phone's face:
 * the ready line and the drawn LCD); on a board, to a rolling file in the data folder. Levels come from
 * {@code --log-level}; jain-sip's wire trace is enabled per package at debug.
 */
final class Logging {
    private static final String FORMAT = "{date: HH:mm:ss.SSS} {level|min-size=5} [{thread}] {class-name}: {message}";
    private static final String FILE_FORMAT = "{date: yyyy-MM-dd HH:mm:ss.SSS} {level|min-size=5} [{thread}] {class-name}: {message}";

    private Logging() {
    }

    static void toConsole(String level) {
        Map<String, String> settings = base(level);
        settings.put("writer", "console");
        settings.put("writer.stream", "err");
        settings.put("writer.format", FORMAT);
        Configuration.replace(settings);
    }

    static void toFile(String level, Path logFolder) {
        Map<String, String> settings = base(level);
        settings.put("writer", "rolling file");
        settings.put("writer.file", logFolder.resolve("deskphone-{count}.log").toString());
        settings.put("writer.latest", logFolder.resolve("deskphone.log").toString());
        settings.put("writer.policies", "size: 1mb");
        settings.put("writer.backups", "5");
        settings.put("writer.format", FILE_FORMAT);
        Configuration.replace(settings);
    }

    /** Flushes and closes the writers; called last, because tinylog's own shutdown hook is off. */
    static void shutdown() {
        try {
            ProviderRegistry.getLoggingProvider().shutdown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> base(String level) {
        Map<String, String> settings = new HashMap<>();
        settings.put("level", level);
        // Always there, silent until the settings name a syslog server (org.deskphone.net.syslog.RemoteSyslog).
        settings.put("writerSyslog", "remote syslog");
        // The web UI's log page and its live provisioning progress (org.deskphone.web.RecentLog).
        settings.put("writerWeb", "web log");
        // Our shutdown hook logs while stopping the phone; tinylog's own hook could close the writers first.
        settings.put("autoshutdown", "false");
        return settings;
    }
}
