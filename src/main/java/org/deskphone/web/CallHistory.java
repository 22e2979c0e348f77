package org.deskphone.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The phone's call history as the call features keep it (placed, received, missed and forwarded calls,
 * ALE L6024-6045, {@code features.save_call_history}): what the call-history page lists. Until the call
 * features fill it in, {@link #NONE} says the phone keeps none. Called from the web server's threads.
 */
public interface CallHistory {

    /** This phone keeps no call history yet. */
    CallHistory NONE = new CallHistory() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public List<CallRecord> calls() {
            return List.of();
        }

        @Override
        public void clear() {
            throw WebError.conflict("this phone keeps no call history yet");
        }
    };

    /** True when the call features keep a history here. */
    boolean available();

    /** The calls, newest first. */
    List<CallRecord> calls();

    /** Deletes the history (the page's Clear button). */
    void clear();

    /**
     * One call.
     *
     * @param account  the account it was on (1-based)
     * @param number   the other party's number or URI as the phone shows it
     * @param name     the other party's name, blank when unknown
     * @param duration how long it was connected; zero for missed calls
     */
    record CallRecord(Kind kind, int account, String number, String name, Instant started, Duration duration) {
        public enum Kind {
            PLACED, RECEIVED, MISSED, FORWARDED
        }

        public CallRecord {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(started, "started");
            Objects.requireNonNull(duration, "duration");
        }
    }
}
