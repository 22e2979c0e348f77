package org.deskphone.web;

import com.google.gson.JsonObject;
import java.util.Locale;
import java.util.Map;
import org.deskphone.config.Access;
import org.deskphone.hal.HookState;
import org.deskphone.hal.Key;
import org.deskphone.hal.Led;
import org.deskphone.hal.LedState;

/**
 * The virtual phone: the LCD, LEDs and hook as they are now and, as server-sent events, as they change;
 * and the keys and hook, pressed through the board's own software keypad, exactly as a person at the
 * terminal would. Also the keys page's picture: which keys the board has and which settings each reads.
 */
final class PhoneApi {
    private final WebContext context;

    PhoneApi(WebContext context) {
        this.context = context;
    }

    void register(Routes routes) {
        routes.get("/api/phone", Access.USER, "phone", "the LCD, LEDs, hook and the board's keys", this::state);
        routes.get("/api/phone/events", Access.USER, "phone", "server-sent events: 'panel' with the LCD, LEDs and hook on every change", this::events);
        routes.post("/api/phone/key", Access.USER, "phone", "press a key: {key: \"5\" | \"line 1\" | \"ok\", action: press|down|up}", this::key);
        routes.post("/api/phone/hook", Access.USER, "phone", "lift or hang up: {offHook: true|false}", this::hook);
        routes.get("/api/keys", Access.USER, "keys", "the board's keys and the settings each reads", this::keys);
    }

    private FrontPanel panel() {
        return context.panel.orElseThrow(() -> WebError.notFound("this phone has no front panel to show"));
    }

    private void state(Exchange exchange) {
        FrontPanel panel = panel();
        JsonObject out = describe(panel.state());
        out.add("layout", layout(panel));
        out.addProperty("pressable", panel.pressable());
        exchange.send(200, out);
    }

    private void events(Exchange exchange) {
        FrontPanel panel = panel();
        EventStream stream = EventStream.open(context.streams);
        Session session = exchange.session();
        FrontPanel.Watch watch = panel.watch(state -> stream.offer("panel", describe(state)));
        try {
            stream.offer("panel", describe(panel.state()));
            stream.pump(exchange, () -> !context.stopped() && context.sessions.alive(session));
        } finally {
            watch.cancel();
        }
    }

    private void key(Exchange exchange) {
        FrontPanel panel = panel();
        JsonObject body = exchange.json();
        Key key = parse(Json.string(body, "key"), panel.layout());
        switch (Json.optionalString(body, "action").orElse("press")) {
            case "press" -> panel.press(key);
            case "down" -> panel.down(key);
            case "up" -> panel.up(key);
            default -> throw WebError.badRequest("action must be press, down or up");
        }
        exchange.send(200, new JsonObject());
    }

    private void hook(Exchange exchange) {
        FrontPanel panel = panel();
        JsonObject body = exchange.json();
        if (!body.has("offHook")) {
            throw WebError.badRequest("give {offHook: true|false}");
        }
        panel.hook(body.get("offHook").getAsBoolean());
        exchange.send(200, describe(panel.state()));
    }

    private void keys(Exchange exchange) {
        FrontPanel panel = panel();
        FrontPanel.Layout layout = panel.layout();
        JsonObject bindings = new JsonObject();
        bind(bindings, Key.Kind.LINE, layout.lineKeys());
        bind(bindings, Key.Kind.SOFT, layout.softKeys());
        bind(bindings, Key.Kind.PROGRAMMABLE, layout.programmableKeys());
        JsonObject out = new JsonObject();
        out.add("layout", layout(panel));
        out.add("bindings", bindings);
        out.addProperty("bindingsFrom", context.keys == KeyMap.MANUALS ? "the manuals (until the keys feature says otherwise)" : "the keys feature");
        exchange.send(200, out);
    }

    private void bind(JsonObject bindings, Key.Kind kind, int count) {
        for (int i = 1; i <= count; i++) {
            Key key = new Key(kind, i);
            bindings.add(name(key), Json.strings(context.keys.settings(key)));
        }
    }

    private static JsonObject layout(FrontPanel panel) {
        JsonObject out = new JsonObject();
        out.addProperty("columns", panel.geometry().columns());
        out.addProperty("rows", panel.geometry().rows());
        out.addProperty("lineKeys", panel.layout().lineKeys());
        out.addProperty("programmableKeys", panel.layout().programmableKeys());
        out.addProperty("softKeys", panel.layout().softKeys());
        return out;
    }

    private static JsonObject describe(FrontPanel.State state) {
        JsonObject out = new JsonObject();
        out.add("lcd", Json.strings(state.screen().lines()));
        out.addProperty("offHook", state.hook() == HookState.OFF_HOOK);
        JsonObject leds = new JsonObject();
        for (Map.Entry<Led, LedState> entry : state.leds().entrySet()) {
            JsonObject led = new JsonObject();
            led.addProperty("color", entry.getValue().color().name().toLowerCase(Locale.ROOT));
            led.addProperty("pattern", entry.getValue().pattern().name().toLowerCase(Locale.ROOT));
            leds.add(entry.getKey().toString().toLowerCase(Locale.ROOT), led);
        }
        out.add("leds", leds);
        return out;
    }

    /** {@code "5"}, {@code "*"}, {@code "#"}, or a kind with its number if it has one: {@code "line 1"}, {@code "ok"}. */
    static Key parse(String text, FrontPanel.Layout layout) {
        String value = text.strip().toUpperCase(Locale.ROOT);
        if (value.length() == 1 && "0123456789*#".indexOf(value.charAt(0)) >= 0) {
            return Key.dialPad(value.charAt(0));
        }
        String[] parts = value.split("\\s+");
        Key key;
        try {
            Key.Kind kind = Key.Kind.valueOf(parts[0].replace('-', '_'));
            key = new Key(kind, parts.length > 1 ? Integer.parseInt(parts[1]) : 0);
        } catch (IllegalArgumentException e) {
            throw WebError.badRequest("no key '" + text + "'");
        }
        int most = switch (key.kind()) {
            case LINE -> layout.lineKeys();
            case PROGRAMMABLE -> layout.programmableKeys();
            case SOFT -> layout.softKeys();
            default -> Integer.MAX_VALUE;
        };
        if (key.index() > most) {
            throw WebError.badRequest("this phone has no " + key.toString().toLowerCase(Locale.ROOT));
        }
        return key;
    }

    static String name(Key key) {
        return key.toString().toLowerCase(Locale.ROOT);
    }
}
