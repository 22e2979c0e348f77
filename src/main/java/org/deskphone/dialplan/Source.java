package org.deskphone.dialplan;

/** Where a number to dial comes from; each dial-plan feature has a flag per source. */
public enum Source {
    /** Typed on the keypad: off-hook, handsfree or pre-dialling ("manual" in both manuals). */
    MANUAL,
    /** Picked from call history, or the redial key. */
    HISTORY,
    /** Picked from the directory (contacts). */
    DIRECTORY,
    /** A call-forward target. */
    FORWARD
}
