/**
 * {@code deskphone selftest}: a list of {@link org.deskphone.app.selftest.Check}s run against the
 * board on a {@link org.deskphone.app.selftest.Bench}, printed as a pass/fail report. Each feature adds
 * its own check to {@link org.deskphone.app.selftest.Selftest#standard()} (the config store and the
 * network add theirs when they land).
 */
package org.deskphone.app.selftest;
