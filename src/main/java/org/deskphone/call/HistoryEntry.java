package org.deskphone.call;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One call in the call history (ALE L6019-6021: missed, placed, received and forwarded calls).
 *
 * @param account  the account it was on (1-based), 0 for none
 * @param number   the other party's number or URI, as it can be dialled back
 * @param name     the other party's name, blank when unknown
 * @param duration how long it was connected; zero when it never was
 */
public record HistoryEntry(Kind kind, int account, String number, String name, Instant started, Duration duration) {

    public enum Kind {
        PLACED, RECEIVED, MISSED, FORWARDED
    }

    public HistoryEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(duration, "duration");
    }

    /** The name, else the number: what a list shows. */
    public String label() {
        return name.isBlank() ? number : name;
    }
}
