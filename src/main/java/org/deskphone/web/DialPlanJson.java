package org.deskphone.web;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.Locale;
import org.deskphone.dialplan.Decision;
import org.deskphone.dialplan.DialPlanTester;

/**
 * One dial-plan test result as JSON: what the web UI's tester answers and what {@code deskphone dialplan
 * --json} prints, the same fields in both.
 */
public final class DialPlanJson {

    private DialPlanJson() {
    }

    public static JsonObject of(DialPlanTester.Outcome outcome) {
        JsonObject out = new JsonObject();
        out.addProperty("input", outcome.input());
        out.addProperty("result", outcome.result());
        out.addProperty("number", outcome.number());
        out.add("after_s", outcome.after() == null ? JsonNull.INSTANCE : new JsonPrimitive(seconds(outcome)));
        Decision decision = outcome.decision();
        if (decision instanceof Decision.Dial dial) {
            out.addProperty("account", dial.account());
            out.addProperty("trigger", dial.trigger().name().toLowerCase(Locale.ROOT));
            out.addProperty("rule", dial.rule());
        } else if (decision instanceof Decision.Block block) {
            out.addProperty("account", block.account());
            out.addProperty("blocked_by", block.by().name().toLowerCase(Locale.ROOT));
            out.addProperty("rule", block.rule());
        } else if (decision instanceof Decision.Collect collect) {
            out.addProperty("typed", collect.input());
            out.addProperty("map", collect.map().name().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** Whole seconds as an integer, else seconds with their milliseconds. */
    private static Number seconds(DialPlanTester.Outcome outcome) {
        long millis = outcome.after().toMillis();
        return millis % 1000 == 0 ? (Number) (millis / 1000) : (Number) (millis / 1000.0);
    }
}
