package org.deskphone.loop;

/**
 * A task the {@link PhoneLoop} runs at a time of its clock, once or every period. Cancelling is
 * idempotent and takes effect at once when done on the loop thread.
 */
public final class Timer {
    final Runnable task;
    final long periodMillis;
    final long sequence;
    long dueMillis;
    private volatile boolean cancelled;

    Timer(Runnable task, long dueMillis, long periodMillis, long sequence) {
        this.task = task;
        this.dueMillis = dueMillis;
        this.periodMillis = periodMillis;
        this.sequence = sequence;
    }

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    boolean repeats() {
        return periodMillis > 0;
    }

    int compareDue(Timer other) {
        int byTime = Long.compare(dueMillis, other.dueMillis);
        return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }
}
