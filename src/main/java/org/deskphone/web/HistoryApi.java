package org.deskphone.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Locale;
import org.deskphone.config.Access;

/** The call-history page: the calls {@link CallHistory} keeps, newest first, and clearing them. */
final class HistoryApi {
    private final WebContext context;

    HistoryApi(WebContext context) {
        this.context = context;
    }

    void register(Routes routes) {
        routes.get("/api/history", Access.USER, "history", "placed, received, missed and forwarded calls, newest first", this::list);
        routes.post("/api/history/clear", Access.USER, "history", "delete the call history", this::clear);
    }

    private void list(Exchange exchange) {
        JsonObject out = new JsonObject();
        out.addProperty("available", context.history.available());
        JsonArray calls = new JsonArray();
        for (CallHistory.CallRecord call : context.history.calls()) {
            JsonObject item = new JsonObject();
            item.addProperty("kind", call.kind().name().toLowerCase(Locale.ROOT));
            item.addProperty("account", call.account());
            item.addProperty("number", call.number());
            item.addProperty("name", call.name());
            item.addProperty("started", call.started().toString());
            item.addProperty("seconds", call.duration().toSeconds());
            calls.add(item);
        }
        out.add("calls", calls);
        exchange.send(200, out);
    }

    private void clear(Exchange exchange) {
        context.history.clear();
        exchange.send(200, new JsonObject());
    }
}
