package org.deskphone.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Locale;
import org.deskphone.config.Access;
import org.deskphone.config.Parameter;

/** Logging in and out, who is logged in, the pages they may see, and changing one's own password. */
final class SessionApi {
    private final WebContext context;

    SessionApi(WebContext context) {
        this.context = context;
    }

    void register(Routes routes) {
        routes.post("/api/login", null, null, "log in: {user, password}; sets the session cookie", this::login);
        routes.post("/api/logout", Access.USER, null, "log out", this::logout);
        routes.get("/api/session", Access.USER, null, "who is logged in, the CSRF token, the default-password warning", this::session);
        routes.get("/api/pages", Access.USER, null, "the pages and sections this level may see", this::pages);
        routes.post("/api/password", Access.USER, null, "change one's own password: {current, password}", this::password);
    }

    private void login(Exchange exchange) {
        JsonObject body = exchange.json();
        String user = Json.string(body, "user");
        String password = Json.string(body, "password");
        Logins.Outcome outcome = context.logins.login(exchange.remoteAddress(), user, password);
        if (outcome instanceof Logins.Outcome.Locked locked) {
            long seconds = Math.max(1, (locked.retryAfter().toMillis() + 999) / 1000);
            exchange.header("Retry-After", Long.toString(seconds));
            throw new WebError(429, "too many failed logins; try again in " + seconds + " s");
        }
        if (!(outcome instanceof Logins.Outcome.Success success)) {
            throw new WebError(401, "wrong user name or password");
        }
        exchange.optionalSession().ifPresent(context.sessions::end);
        Session session = success.session();
        exchange.addHeader("Set-Cookie", Dispatcher.cookieName(exchange.secure()) + "=" + session.id()
                + "; Path=/; HttpOnly; SameSite=Strict" + (exchange.secure() ? "; Secure" : ""));
        exchange.send(200, describe(session));
    }

    private void logout(Exchange exchange) {
        context.sessions.end(exchange.session());
        exchange.addHeader("Set-Cookie", Dispatcher.cookieName(exchange.secure()) + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict"
                + (exchange.secure() ? "; Secure" : ""));
        exchange.send(200, new JsonObject());
    }

    private void session(Exchange exchange) {
        exchange.send(200, describe(exchange.session()));
    }

    private JsonObject describe(Session session) {
        JsonObject out = new JsonObject();
        out.addProperty("user", session.user());
        out.addProperty("level", session.level().name().toLowerCase(Locale.ROOT));
        out.addProperty("csrf", session.csrf());
        out.addProperty("defaultPassword", session.defaultPassword());
        out.addProperty("idleMinutes", context.sessions.idleLimit().toMinutes());
        out.addProperty("model", context.model);
        out.addProperty("version", context.version);
        return out;
    }

    private void pages(Exchange exchange) {
        Access level = exchange.session().level();
        Permissions.Rules rules = context.permissions.rules(context.current());
        JsonArray pages = new JsonArray();
        for (Pages.Page page : Pages.ALL) {
            Permissions.Rights rights = rules.page(page, level);
            if (!rights.read() || page.id().equals("phone") && context.panel.isEmpty()) {
                continue;
            }
            JsonObject out = new JsonObject();
            out.addProperty("id", page.id());
            out.addProperty("title", page.title());
            out.addProperty("item", page.item());
            out.addProperty("writable", rights.write());
            JsonArray sections = new JsonArray();
            for (Pages.Section section : page.sections()) {
                Permissions.Rights sectionRights = rules.section(page, section, level);
                List<Parameter> parameters = Pages.parameters(section);
                if (!sectionRights.read() || parameters.stream().noneMatch(p -> rules.parameter(p, level).read())) {
                    continue;
                }
                JsonObject s = new JsonObject();
                s.addProperty("id", section.id());
                s.addProperty("title", section.title());
                s.addProperty("item", section.item());
                s.addProperty("writable", sectionRights.write());
                s.addProperty("table", section.table());
                int low = Integer.MAX_VALUE;
                int high = 0;
                for (Parameter parameter : parameters) {
                    if (!parameter.indices().isEmpty()) {
                        low = Math.min(low, parameter.indices().get(0));
                        high = Math.max(high, parameter.indices().get(0));
                    }
                }
                if (high > 0) {
                    JsonObject indexes = new JsonObject();
                    indexes.addProperty("from", low);
                    indexes.addProperty("to", high);
                    s.add("indexes", indexes);
                }
                sections.add(s);
            }
            out.add("sections", sections);
            pages.add(out);
        }
        exchange.send(200, pages);
    }

    private void password(Exchange exchange) {
        JsonObject body = exchange.json();
        Session session = exchange.session();
        if (!context.logins.check(session.level(), Json.string(body, "current"))) {
            throw WebError.forbidden("the current password is wrong");
        }
        context.logins.setPassword(session, session.level(), Json.string(body, "password"));
        exchange.send(200, new JsonObject());
    }
}
