package org.deskphone.config.format;

import java.util.List;

/** A settings file that was read without error: its assignments in file order and what was skipped. */
public record SettingsFile(String source, Dialect dialect, List<Setting> settings, List<Problem> warnings) {

    public SettingsFile {
        settings = List.copyOf(settings);
        warnings = List.copyOf(warnings);
    }
}
