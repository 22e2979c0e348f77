package org.deskphone.dialplan;

/**
 * What the phone does when a digit map is in force and the number matches none of its strings (an
 * "impossible match"). The ALE manual says the behaviour can be chosen but names no parameter (seed 004
 * L6200-6203, ALE digest A-11b).
 */
public enum ImpossibleMatch {
    /**
     * The default: keep collecting; Send or the auto-dial timer dials the number as typed. A digit map
     * that does not foresee a number must not make it undiallable, and a mistyped number is still
     * corrected with the delete key before anything is sent.
     */
    DIAL_AS_TYPED,
    /** Refuse at once with {@link Decision.NoMatch}, as a whitelist would. */
    REFUSE
}
