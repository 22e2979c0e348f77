package org.deskphone.app.selftest;

/**
 * One thing the self-test checks. A check may wait a little (a key event reaching the loop, a few audio
 * frames) but should finish within seconds; an exception it throws is reported as its failure.
 */
public interface Check {

    /** A short name for the report's second column: {@code keypad}, {@code display}, {@code config}. */
    String name();

    CheckResult run(Bench bench) throws Exception;
}
