package org.deskphone.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.deskphone.config.Access;
import org.deskphone.config.Config;
import org.deskphone.provision.RunReport;

/**
 * The status page: product and version, uptime, the network as the phone sees it, each configured
 * account with its registration (from {@link AccountStates}), and the last provisioning run.
 */
final class StatusApi {
    static final int ACCOUNTS = 20;
    private final WebContext context;

    StatusApi(WebContext context) {
        this.context = context;
    }

    void register(Routes routes) {
        routes.get("/api/status", Access.USER, "status", "product, uptime, network, accounts and their registration, last provisioning", this::status);
    }

    private void status(Exchange exchange) {
        Access level = exchange.session().level();
        Config config = context.current();
        JsonObject out = new JsonObject();
        out.addProperty("model", context.model);
        out.addProperty("version", context.version);
        out.addProperty("uptimeSeconds", (context.loop.clock().millis() - context.startedMillis) / 1000);
        out.addProperty("time", context.loop.clock().now().toString());
        out.add("network", network());
        out.add("accounts", accounts(config, context.permissions.rules(config), level));
        out.add("provisioning", provisioning());
        exchange.send(200, out);
    }

    private JsonObject network() {
        JsonObject out = new JsonObject();
        if (context.network.isEmpty()) {
            out.addProperty("available", false);
            out.add("lines", new JsonArray());
            return out;
        }
        var service = context.network.get();
        record Seen(boolean available, List<String> lines) {
        }
        Seen seen = context.onLoop(() -> new Seen(service.available(), service.describe()));
        out.addProperty("available", seen.available());
        out.add("lines", Json.strings(seen.lines()));
        return out;
    }

    /** Accounts that are enabled or have a user name; fields the caller may not read are left out. */
    private JsonObject accounts(Config config, Permissions.Rules rules, Access level) {
        JsonObject out = new JsonObject();
        out.addProperty("registrationKnown", context.accounts.available());
        JsonArray items = new JsonArray();
        for (int index = 1; index <= ACCOUNTS; index++) {
            String prefix = "account." + index + ".";
            boolean enabled = config.bool(prefix + "enable");
            if (!enabled && config.isBlank(prefix + "user_name")) {
                continue;
            }
            JsonObject account = new JsonObject();
            account.addProperty("index", index);
            account.addProperty("enabled", enabled);
            for (String field : new String[] {"label", "display_name", "user_name", "sip_server.1.address"}) {
                var parameter = config.parameter(prefix + field);
                if (rules.parameter(parameter, level).read()) {
                    account.addProperty(field, config.string(parameter.name()));
                }
            }
            context.accounts.state(index).ifPresent(state -> {
                JsonObject registration = new JsonObject();
                registration.addProperty("state", state.registration().name().toLowerCase(Locale.ROOT));
                registration.addProperty("detail", state.detail());
                state.until().ifPresent(until -> registration.addProperty("until", until.toString()));
                account.add("registration", registration);
            });
            items.add(account);
        }
        out.add("items", items);
        return out;
    }

    private JsonObject provisioning() {
        JsonObject out = new JsonObject();
        out.addProperty("available", context.provisioning.isPresent());
        if (context.provisioning.isPresent()) {
            try {
                Optional<RunReport> last = context.provisioning.get().lastReport().get(WebContext.LOOP_WAIT_MS, TimeUnit.MILLISECONDS);
                last.ifPresent(report -> out.add("last", report(report)));
            } catch (Exception e) {
                throw new WebError(503, "the phone is busy; try again");
            }
        }
        return out;
    }

    /** A run's report as the pages show it: its lines (URLs without passwords, secrets as ***) and verdict. */
    static JsonObject report(RunReport report) {
        JsonObject out = new JsonObject();
        out.addProperty("trigger", report.trigger().toString());
        out.addProperty("outcome", report.outcome().toString());
        out.addProperty("succeeded", report.succeeded());
        out.addProperty("restart", report.restartNeeded());
        report.server().ifPresent(server -> out.addProperty("server", server));
        out.addProperty("changes", report.applied().changes().size());
        out.add("lines", Json.strings(report.lines()));
        return out;
    }
}
