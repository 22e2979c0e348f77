package org.deskphone.dialplan;

/**
 * What the dial plan says about the keys typed so far, or about a complete number: keep collecting,
 * dial, refuse because a rule blocks the number, or refuse because no plan matches it. The phone UI,
 * the call command and the web UI's dial-plan tester act on these and on nothing else.
 */
public sealed interface Decision {

    /** True once the dialling is over: every decision but {@link Collect}. */
    default boolean isFinal() {
        return !(this instanceof Collect);
    }

    /**
     * Keep collecting keys. {@code input} is what was typed (after the number filter), {@code tone} what
     * to play, {@code map} how the input stands against the digit map in force.
     */
    record Collect(String input, Tone tone, MapState map) implements Decision {
    }

    /**
     * Place the call: {@code number} on account {@code account}. {@code typed} is the input before the
     * plan rewrote it, {@code trigger} what ended the dialling, {@code rule} the rule that decided, in
     * words (the matching digit-map string, for example), for screens and logs.
     */
    record Dial(String number, int account, String typed, Trigger trigger, String rule) implements Decision {
    }

    /** Refuse: {@code rule} (in words) of kind {@code by} forbids {@code number} on {@code account}. */
    record Block(String number, int account, Blocker by, String rule) implements Decision {
    }

    /** Refuse: the digit map in force has no string for {@code number} and refuses such numbers. */
    record NoMatch(String number, int account) implements Decision {
    }

    /** How the input stands against the digit map in force. */
    enum MapState {
        /** No digit map applies to this dialling. */
        NO_MAP,
        /** Some string could match once more keys come. */
        PARTIAL,
        /** A string matches; the phone waits for its timer (or a longer match). */
        COMPLETE,
        /** No string matches nor could match a longer input. */
        IMPOSSIBLE
    }

    /** What ended the dialling. */
    enum Trigger {
        /** A digit-map string matched: at once, or when its timer T ran out. */
        DIGIT_MAP,
        /** A dial-now rule matched and its delay ran out. */
        DIAL_NOW,
        /** The Send key, the key-as-send key, or lifting the handset after pre-dialling. */
        SEND,
        /** No key for the auto-dial (inter-digit) time. */
        AUTO_DIAL,
        /** The hotline: off-hook and no key for its delay. */
        HOTLINE,
        /** An emergency number typed on a locked phone. */
        EMERGENCY,
        /** A complete number from history, the directory, a forward target or a command. */
        COMPLETE_NUMBER
    }

    /** Which kind of rule refused a number. */
    enum Blocker {
        /** A digit-map string ending in {@code !}. */
        DIGIT_MAP,
        /** A {@code dialplan.block_out.number.X}. */
        BLOCK_OUT,
        /** The phone is locked and the number is not an emergency number. */
        LOCKED
    }
}
