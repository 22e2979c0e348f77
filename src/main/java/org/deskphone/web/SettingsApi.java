package org.deskphone.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deskphone.config.Access;
import org.deskphone.config.ChangeResult;
import org.deskphone.config.Config;
import org.deskphone.config.Parameter;
import org.deskphone.config.ValueType;

/**
 * Reading and changing settings: every parameter of the catalogue, by page and section or by name, with
 * its type, range, default, source and whether the caller may change it. A change goes to the
 * configuration store on the phone loop as one local change, all or nothing, with the store's own
 * messages (the ones {@code deskphone config check} prints). Secrets are never sent, only whether they are
 * set.
 */
final class SettingsApi {
    private static final Pattern RANGE = Pattern.compile("(-?[0-9.]+)\\.\\.(-?[0-9.]+)");
    private static final Pattern LENGTH = Pattern.compile("^(?:string|password|url)\\??\\s+(?:([0-9]+)\\.\\.)?([0-9]+)");
    private final WebContext context;

    SettingsApi(WebContext context) {
        this.context = context;
    }

    void register(Routes routes) {
        routes.get("/api/settings", Access.USER, null,
                "settings by ?page=P&section=S[&index=N] (N picks numbered ones: account N) or ?names=a,b: value, type, range, default, source, writable", this::read);
        routes.post("/api/settings", Access.USER, null, "change settings: {values: {name: value}}, all or nothing", this::change);
        routes.post("/api/settings/reset", Access.USER, null, "drop local changes: {names: [...]}", this::reset);
    }

    private void read(Exchange exchange) {
        Access level = exchange.session().level();
        Config config = context.current();
        Permissions.Rules rules = context.permissions.rules(config);
        List<Parameter> parameters = new ArrayList<>();
        Optional<String> names = exchange.query("names");
        if (names.isPresent()) {
            for (String name : names.get().split(",")) {
                if (!name.isBlank()) {
                    parameters.add(parameter(config, name.strip()));
                }
            }
        } else {
            Pages.Page page = Pages.page(exchange.query("page").orElseThrow(() -> WebError.badRequest("give ?page= or ?names=")))
                    .orElseThrow(() -> WebError.notFound("no such page"));
            String sectionId = exchange.query("section").orElseThrow(() -> WebError.badRequest("give &section="));
            Pages.Section section = page.sections().stream().filter(s -> s.id().equals(sectionId)).findFirst()
                    .orElseThrow(() -> WebError.notFound("no section " + sectionId + " on page " + page.id()));
            if (!rules.section(page, section, level).read()) {
                throw WebError.forbidden("the " + section.title() + " section is hidden for " + name(level) + " access");
            }
            Integer index = exchange.query("index").map(SettingsApi::number).orElse(null);
            for (Parameter parameter : Pages.parameters(section)) {
                if (index == null || parameter.indices().isEmpty() || parameter.indices().get(0).equals(index)) {
                    parameters.add(parameter);
                }
            }
        }
        JsonArray items = new JsonArray();
        for (Parameter parameter : parameters) {
            Permissions.Rights rights = rules.parameter(parameter, level);
            if (rights.read()) {
                items.add(describe(config, parameter, rights));
            } else if (names.isPresent()) {
                throw WebError.forbidden(parameter.name() + " is hidden for " + name(level) + " access");
            }
        }
        JsonObject out = new JsonObject();
        out.add("items", items);
        exchange.send(200, out);
    }

    private void change(Exchange exchange) {
        JsonObject body = exchange.json();
        JsonObject values = body.has("values") && body.get("values").isJsonObject() ? body.getAsJsonObject("values") : null;
        if (values == null || values.size() == 0) {
            throw WebError.badRequest("give {values: {name: value, ...}}");
        }
        Access level = exchange.session().level();
        Config config = context.current();
        Map<String, String> changes = new LinkedHashMap<>();
        List<String> refused = new ArrayList<>();
        Permissions.Rules rules = context.permissions.rules(config);
        for (Map.Entry<String, JsonElement> entry : values.entrySet()) {
            Parameter parameter = parameter(config, entry.getKey());
            if (!rules.parameter(parameter, level).write()) {
                refused.add(parameter.name() + ": " + name(level) + " access may not change it");
                continue;
            }
            String value = text(entry.getKey(), entry.getValue());
            String current = config.string(parameter.name());
            // A URL shown with its password masked and sent back unchanged keeps its password.
            if (!parameter.isSecret() && value.equals(parameter.display(current)) && !value.equals(current)) {
                continue;
            }
            changes.put(parameter.name(), value);
        }
        if (!refused.isEmpty()) {
            throw new WebError(403, refused.size() == 1 ? refused.get(0) : "some settings may not be changed", refused);
        }
        ChangeResult result = context.onLoop(() -> context.config.change(level, changes));
        answer(exchange, result);
    }

    private void reset(Exchange exchange) {
        JsonObject body = exchange.json();
        if (!body.has("names") || !body.get("names").isJsonArray()) {
            throw WebError.badRequest("give {names: [...]}");
        }
        Access level = exchange.session().level();
        Config config = context.current();
        Permissions.Rules rules = context.permissions.rules(config);
        List<String> names = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (JsonElement element : body.getAsJsonArray("names")) {
            Parameter parameter = parameter(config, element.getAsString());
            if (rules.parameter(parameter, level).write()) {
                names.add(parameter.name());
            } else {
                refused.add(parameter.name() + ": " + name(level) + " access may not change it");
            }
        }
        if (!refused.isEmpty()) {
            throw new WebError(403, refused.size() == 1 ? refused.get(0) : "some settings may not be changed", refused);
        }
        answer(exchange, context.onLoop(() -> context.config.reset(level, names)));
    }

    private static void answer(Exchange exchange, ChangeResult result) {
        if (!result.accepted()) {
            List<String> problems = result.problems().stream().map(p -> p.message()).toList();
            throw new WebError(422, problems.size() == 1 ? problems.get(0) : "nothing was changed: " + problems.size() + " values are wrong",
                    problems);
        }
        JsonObject out = new JsonObject();
        out.add("changed", Json.strings(result.changed().stream().sorted().toList()));
        out.addProperty("restart", result.needsRestart());
        exchange.send(200, out);
    }

    /** One setting as the pages show it; a secret's value never leaves the phone. */
    static JsonObject describe(Config config, Parameter parameter, Permissions.Rights rights) {
        Config.Value value = config.value(parameter.name());
        JsonObject out = new JsonObject();
        out.addProperty("name", parameter.name());
        out.addProperty("family", parameter.family());
        out.addProperty("xml", parameter.xmlId());
        out.addProperty("value", parameter.isSecret() ? "" : parameter.display(value.text()));
        out.addProperty("default", parameter.isSecret() ? "" : parameter.defaultValue());
        out.addProperty("source", value.source().toString());
        out.addProperty("secret", parameter.isSecret());
        if (parameter.isSecret()) {
            out.addProperty("set", !value.text().isEmpty());
        }
        out.addProperty("restart", parameter.needsRestart());
        out.addProperty("writable", rights.write());
        out.add("type", type(parameter.type()));
        return out;
    }

    private static JsonObject type(ValueType type) {
        JsonObject out = new JsonObject();
        out.addProperty("kind", type.kind().name().toLowerCase(Locale.ROOT));
        out.addProperty("spec", type.spec());
        out.addProperty("permitted", type.describe());
        if (!type.choices().isEmpty()) {
            out.add("choices", Json.strings(type.choices()));
        }
        if (type.kind() == ValueType.Kind.INT || type.kind() == ValueType.Kind.FLOAT) {
            Matcher range = RANGE.matcher(type.spec());
            if (range.find()) {
                out.addProperty("min", range.group(1));
                out.addProperty("max", range.group(2));
            }
        }
        Matcher length = LENGTH.matcher(type.spec());
        if (length.find()) {
            out.addProperty("maxLength", Integer.parseInt(length.group(2)));
        }
        if (type.kind() == ValueType.Kind.LIST) {
            out.addProperty("separator", String.valueOf(type.separator()));
        }
        return out;
    }

    private static Parameter parameter(Config config, String name) {
        try {
            return config.parameter(name);
        } catch (IllegalArgumentException e) {
            throw new WebError(422, e.getMessage());
        }
    }

    private static String text(String name, JsonElement value) {
        if (value == null || value.isJsonNull()) {
            return "";
        }
        if (!value.isJsonPrimitive()) {
            throw WebError.badRequest(name + ": give a string, number or boolean");
        }
        if (value.getAsJsonPrimitive().isBoolean()) {
            return value.getAsBoolean() ? "1" : "0";
        }
        return value.getAsString();
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw WebError.badRequest("index must be a number");
        }
    }

    static String name(Access level) {
        return level.name().toLowerCase(Locale.ROOT);
    }
}
