package org.deskphone.provision;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one provisioning run did: every request, what changed, what an administrator should know, and
 * whether the phone restarts. The command prints it; the log has the same lines.
 *
 * @param trigger  what started it
 * @param outcome  how it ended
 * @param server   where the configuration came from (URL without password and the discovery step)
 * @param requests every request, configuration files first, then resources
 * @param applied  what the commit changed ({@link ApplyReport#NOTHING} when nothing was applied)
 * @param notes    servers given up, deletions, skipped downloads, settings out of range
 */
public record RunReport(Trigger trigger, Outcome outcome, Optional<String> server, List<RequestRecord> requests,
        ApplyReport applied, List<String> notes) {

    public enum Outcome {
        /** Configuration was fetched and applied. */
        APPLIED("applied"),
        /** Every file was as last applied: nothing applied, no restart (Yealink L1567-1577). */
        UNCHANGED("unchanged"),
        /** No server gave configuration. */
        NO_CONFIGURATION("no configuration"),
        /** A call outlasted the call guard's 2 hours (Yealink L1461-1467), or the phone stopped. */
        ABANDONED("abandoned");

        private final String words;

        Outcome(String words) {
            this.words = words;
        }

        @Override
        public String toString() {
            return words;
        }
    }

    public RunReport {
        requests = List.copyOf(requests);
        notes = List.copyOf(notes);
    }

    static RunReport abandoned(Trigger trigger, String why) {
        return new RunReport(trigger, Outcome.ABANDONED, Optional.empty(), List.of(), ApplyReport.NOTHING, List.of(why));
    }

    /** True when the run got configuration and every file it fetched was taken. */
    public boolean succeeded() {
        boolean refused = requests.stream().anyMatch(r -> r.detail().startsWith("rejected: ")) || !applied.rejected().isEmpty();
        return (outcome == Outcome.APPLIED || outcome == Outcome.UNCHANGED) && !refused;
    }

    public boolean restartNeeded() {
        return applied.restartNeeded();
    }

    /** The report as lines for a person: requests, changes, notes and the verdict. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        requests.forEach(request -> lines.add(request.line()));
        server.ifPresent(from -> lines.add("configuration from " + from));
        applied.changes().forEach(change -> lines.add("changed " + change.shown()));
        applied.rejected().forEach(rejection -> lines.add("refused " + rejection.source() + ": " + rejection.message()));
        applied.warnings().forEach(warning -> lines.add("warning " + warning));
        notes.forEach(note -> lines.add("note " + note));
        String verdict = "provisioning (" + trigger + "): " + outcome;
        if (outcome == Outcome.APPLIED) {
            verdict += ", " + applied.changes().size() + " setting" + (applied.changes().size() == 1 ? "" : "s") + " changed";
        }
        verdict += restartNeeded() ? "; restart needed" : "; no restart needed";
        lines.add(verdict);
        return lines;
    }
}
