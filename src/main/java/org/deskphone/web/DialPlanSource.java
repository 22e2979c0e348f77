package org.deskphone.web;

import java.util.Objects;
import org.deskphone.dialplan.DialPlan;

/**
 * The dial plan the phone dials with, for the dial-plan page's tester: the plan itself and where it came
 * from, in words. The dial-plan wiring fills it in from the configuration; until then the phone has the
 * factory plan, and the page says so.
 */
public interface DialPlanSource {

    /** The plan in force now; called from the web server's threads. */
    DialPlan plan();

    /** Where {@link #plan()} came from, for the page ("the configuration", "factory defaults"). */
    String origin();

    /** A fixed plan. */
    static DialPlanSource of(DialPlan plan, String origin) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(origin, "origin");
        return new DialPlanSource() {
            @Override
            public DialPlan plan() {
                return plan;
            }

            @Override
            public String origin() {
                return origin;
            }
        };
    }
}
