package org.deskphone.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Locale;
import org.deskphone.config.Access;
import org.deskphone.dialplan.DialPlan;
import org.deskphone.dialplan.DialPlanException;
import org.deskphone.dialplan.DialPlanTester;
import org.deskphone.dialplan.Source;

/**
 * The dial-plan page's live tester: the dial-plan engine itself answers what the phone would do with
 * each input, off hook, keys then silence, as {@code deskphone dialplan --json} does (the same fields). A
 * digit map typed on the page can be tried before it is saved.
 */
final class DialPlanApi {
    private static final int MAX_INPUTS = 50;
    private static final int MAX_INPUT_LENGTH = 64;
    private final WebContext context;

    DialPlanApi(WebContext context) {
        this.context = context;
    }

    void register(Routes routes) {
        routes.post("/api/dialplan/test", Access.USER, "dialplan",
                "dial each input against the phone's plan (or a digit map to try): {inputs, account, source, locked, digitMap}", this::test);
    }

    private void test(Exchange exchange) {
        JsonObject body = exchange.json();
        if (!body.has("inputs") || !body.get("inputs").isJsonArray()) {
            throw WebError.badRequest("give {inputs: [\"911\", ...]}");
        }
        JsonArray inputs = body.getAsJsonArray("inputs");
        if (inputs.size() > MAX_INPUTS) {
            throw WebError.badRequest("at most " + MAX_INPUTS + " inputs at a time");
        }
        int account = body.has("account") ? body.get("account").getAsInt() : 1;
        if (account < 1 || account > StatusApi.ACCOUNTS) {
            throw WebError.badRequest("account must be 1-" + StatusApi.ACCOUNTS);
        }
        Source source;
        try {
            source = Source.valueOf(Json.optionalString(body, "source").orElse("manual").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw WebError.badRequest("source must be manual, history, directory or forward");
        }
        boolean locked = body.has("locked") && body.get("locked").getAsBoolean();
        DialPlan plan = context.dialPlans.plan();
        String origin = context.dialPlans.origin();
        String map = Json.optionalString(body, "digitMap").map(String::strip).orElse("");
        if (!map.isEmpty()) {
            try {
                plan = DialPlan.compile(plan.settings().toBuilder().digitMap(map, plan.settings().digitMap().timerSeconds()).build());
                origin = "the digit map typed here, with the rest of " + origin;
            } catch (DialPlanException e) {
                throw new WebError(422, e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new WebError(422, "digit map: " + e.getMessage());
            }
        }
        JsonArray results = new JsonArray();
        for (JsonElement element : inputs) {
            String input = element.getAsString();
            if (input.length() > MAX_INPUT_LENGTH) {
                throw WebError.badRequest("an input is longer than " + MAX_INPUT_LENGTH + " characters");
            }
            results.add(DialPlanJson.of(DialPlanTester.test(plan, input, account, source, locked)));
        }
        JsonObject out = new JsonObject();
        out.addProperty("origin", origin);
        out.add("results", results);
        exchange.send(200, out);
    }
}
