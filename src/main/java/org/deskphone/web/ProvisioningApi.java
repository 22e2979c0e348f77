package org.deskphone.web;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.deskphone.config.Access;
import org.deskphone.provision.ProvisioningClient;
import org.deskphone.provision.RunReport;
import org.deskphone.provision.Trigger;
import org.tinylog.Logger;

/**
 * "Provision now" (Yealink L1510-1521) with live progress: the run's own log lines (each request with its
 * URL, status and size, each file applied or refused) stream to the page as they happen, then the run's
 * report. One run at a time; asking again while one runs joins it.
 */
final class ProvisioningApi {
    private static final int MAX_LINES = 500;
    private final WebContext context;
    private final List<EventStream> watchers = new CopyOnWriteArrayList<>();
    private final List<String> lines = new ArrayList<>();
    private boolean running;
    private JsonObject last;
    private Runnable unwatch = () -> { };

    ProvisioningApi(WebContext context) {
        this.context = context;
    }

    void register(Routes routes) {
        routes.get("/api/provision", Access.ADMIN, "provisioning", "whether a run is going on, its lines so far, the last report", this::state);
        routes.post("/api/provision/run", Access.ADMIN, "provisioning", "provision now", this::run);
        routes.get("/api/provision/events", Access.ADMIN, "provisioning",
                "server-sent events: state, then each line of the run as it happens, then done with the report", this::events);
    }

    private ProvisioningClient client() {
        return context.provisioning.orElseThrow(() -> WebError.conflict("provisioning is off on this phone; the log says why"));
    }

    private void state(Exchange exchange) {
        client();
        exchange.send(200, snapshot());
    }

    private void run(Exchange exchange) {
        ProvisioningClient client = client();
        synchronized (this) {
            if (!running) {
                running = true;
                lines.clear();
                unwatch = RecentLog.get().watch(line -> {
                    if (line.className() != null && (line.className().startsWith("org.deskphone.provision")
                            || line.message().startsWith("provisioning"))) {
                        line(line.level() + " " + line.message());
                    }
                });
                Logger.info("provisioning now, asked by {} from the web UI", exchange.session().user());
                client.runNow(Trigger.NOW).whenComplete(this::finished);
            }
        }
        exchange.send(202, snapshot());
    }

    private void line(String text) {
        synchronized (this) {
            if (lines.size() < MAX_LINES) {
                lines.add(text);
            }
        }
        watchers.forEach(stream -> stream.offer("line", text));
    }

    private void finished(RunReport report, Throwable error) {
        JsonObject done;
        synchronized (this) {
            running = false;
            unwatch.run();
            if (report != null) {
                last = StatusApi.report(report);
                // The client logs its report as the run ends; the page shows it as the report, not twice.
                List<String> tail = report.lines().stream().map(line -> "INFO " + line).toList();
                if (lines.size() >= tail.size() && lines.subList(lines.size() - tail.size(), lines.size()).equals(tail)) {
                    lines.subList(lines.size() - tail.size(), lines.size()).clear();
                }
            } else {
                last = new JsonObject();
                last.addProperty("outcome", "failed");
                last.addProperty("succeeded", false);
                last.add("lines", Json.strings(List.of("provisioning failed: " + error)));
            }
            done = last.deepCopy();
            done.add("live", Json.strings(lines));
        }
        watchers.forEach(stream -> {
            stream.offer("done", done);
            stream.finish();
        });
    }

    private void events(Exchange exchange) {
        client();
        EventStream stream = EventStream.open(context.streams);
        Session session = exchange.session();
        JsonObject state = snapshot();
        synchronized (this) {
            stream.offer("state", state);
            if (running) {
                watchers.add(stream);
            } else {
                if (last != null) {
                    stream.offer("done", last);
                }
                stream.finish();
            }
        }
        try {
            stream.pump(exchange, () -> !context.stopped() && context.sessions.alive(session));
        } finally {
            watchers.remove(stream);
        }
    }

    /** The state now; never waits for the loop while holding this object's lock (the run's end takes it on the loop). */
    private JsonObject snapshot() {
        JsonObject out = new JsonObject();
        JsonObject lastRun;
        synchronized (this) {
            out.addProperty("running", running);
            out.add("lines", Json.strings(lines));
            lastRun = last;
        }
        if (lastRun == null && context.provisioning.isPresent()) {
            try {
                lastRun = context.provisioning.get().lastReport().get(WebContext.LOOP_WAIT_MS, java.util.concurrent.TimeUnit.MILLISECONDS)
                        .map(StatusApi::report).orElse(null);
            } catch (Exception e) {
                Logger.debug("no last provisioning report: {}", e.toString());
            }
        }
        if (lastRun != null) {
            out.add("last", lastRun);
        }
        return out;
    }
}
