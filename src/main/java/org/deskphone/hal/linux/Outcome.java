package org.deskphone.hal.linux;

/** What came of asking Linux for something: done or not, and a sentence saying what happened. */
public record Outcome(boolean done, String message) {

    static Outcome done(String message) {
        return new Outcome(true, message);
    }

    static Outcome refused(String message) {
        return new Outcome(false, message);
    }

    @Override
    public String toString() {
        return (done ? "done: " : "not done: ") + message;
    }
}
