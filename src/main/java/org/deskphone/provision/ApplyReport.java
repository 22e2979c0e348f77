package org.deskphone.provision;

import java.util.List;

/**
 * What one commit of a run's files did to the configuration.
 *
 * @param changes         every setting whose value changed, in commit order
 * @param rejected        files refused as a whole, each with why (the rest applied)
 * @param warnings        lines or values skipped inside files that applied
 * @param restartNeeded   true when a changed setting takes effect only after a restart (Yealink L1589-1591)
 */
public record ApplyReport(List<Change> changes, List<Rejection> rejected, List<String> warnings, boolean restartNeeded) {
    public static final ApplyReport NOTHING = new ApplyReport(List.of(), List.of(), List.of(), false);

    public ApplyReport {
        changes = List.copyOf(changes);
        rejected = List.copyOf(rejected);
        warnings = List.copyOf(warnings);
    }

    /**
     * A file the store refused as a whole.
     *
     * @param source  the file, as {@link FetchedFile#source()} named it
     * @param message why, naming the line where there is one
     */
    public record Rejection(String source, String message) {
    }

    /**
     * One changed setting.
     *
     * @param name     the setting, in the spelling of the file that set it
     * @param value    the new value, or null when it went back to its default; never shown when secret
     * @param secret   a password or key: printed as {@code ***}
     * @param restart  it needs a restart to take effect
     */
    public record Change(String name, String value, boolean secret, boolean restart) {

        /** {@code name = value}, with secrets hidden: what the command prints and the log records. */
        public String shown() {
            String text = value == null ? "(default)" : secret ? "***" : value;
            return name + " = " + text + (restart ? "  (needs restart)" : "");
        }
    }
}
