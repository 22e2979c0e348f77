package org.deskphone.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.deskphone.config.Access;
import org.deskphone.config.Conversion;
import org.deskphone.config.ProvisioningFile;
import org.deskphone.config.ProvisioningReport;
import org.deskphone.config.format.Dialect;
import org.deskphone.config.format.Problem;
import org.deskphone.provision.FirmwareInstaller;
import org.deskphone.provision.ResourceSetting;
import org.tinylog.Logger;

/**
 * The configuration and maintenance pages: export (either dialect, never a password: ALE L14943), import
 * (a file applied exactly as the same file from a provisioning server would be), reboot, factory reset
 * (with a typed confirmation), firmware upload, and the log.
 */
final class MaintenanceApi {
    static final String RESET_CONFIRMATION = "factory reset";
    private static final long MAX_CONFIG = 4L * 1024 * 1024;
    private final WebContext context;

    MaintenanceApi(WebContext context) {
        this.context = context;
    }

    void register(Routes routes) {
        routes.get("/api/config/export", Access.ADMIN, "config",
                "the configuration as ?format=cfg|xml[&all=1]; passwords are never exported", this::export);
        routes.post("/api/config/import", Access.ADMIN, "config",
                "apply a .cfg or config.xml file as provisioning would: {name, content (base64)}", this::importFile);
        routes.post("/api/reboot", Access.ADMIN, "config", "restart the phone", this::reboot);
        routes.post("/api/factory-reset", Access.ADMIN, "config",
                "wipe everything and restart: {confirm: \"" + RESET_CONFIRMATION + "\"}", this::factoryReset);
        routes.post("/api/upgrade", Access.ADMIN, "upgrade", "upload a firmware image (the raw body) and install it", this::upgrade);
        routes.get("/api/logs", Access.ADMIN, "logs", "the recent log lines after ?since=N", this::logs);
        routes.get("/api/logs/download", Access.ADMIN, "logs", "the log as a text file", this::download);
    }

    private void export(Exchange exchange) {
        String format = exchange.query("format").orElse("cfg").toLowerCase(Locale.ROOT);
        Dialect dialect = switch (format) {
            case "cfg" -> Dialect.CFG;
            case "xml" -> Dialect.XML;
            default -> throw WebError.badRequest("format must be cfg or xml");
        };
        boolean all = exchange.query("all").map(v -> v.equals("1") || v.equals("true")).orElse(false);
        String text = Conversion.export(context.current(), dialect, all);
        exchange.download(dialect == Dialect.CFG ? "text/plain; charset=utf-8" : "application/xml; charset=utf-8",
                dialect == Dialect.CFG ? "deskphone.cfg" : "config.xml", text.getBytes(StandardCharsets.UTF_8));
    }

    private void importFile(Exchange exchange) {
        Upload upload = Upload.from(exchange.json(), MAX_CONFIG);
        String name = "web import " + upload.name();
        ProvisioningReport report = context.onLoop(() -> context.config.applyProvisioning(List.of(new ProvisioningFile(name, upload.content()))));
        Logger.info("configuration file {} imported by {}: {} settings changed", upload.name(), exchange.session().user(), report.changed().size());
        ProvisioningReport.FileResult file = report.files().get(0);
        JsonObject out = new JsonObject();
        out.addProperty("applied", file.applied());
        out.addProperty("kind", file.kind().name().toLowerCase(Locale.ROOT));
        out.add("changed", Json.strings(report.changed().stream().sorted().toList()));
        out.addProperty("restart", report.needsRestart());
        JsonArray problems = new JsonArray();
        for (Problem problem : file.problems()) {
            problems.add(problem.toString());
        }
        out.add("problems", problems);
        exchange.send(file.applied() ? 200 : 422, out);
    }

    private void reboot(Exchange exchange) {
        Logger.info("restart asked by {} from the web UI", exchange.session().user());
        exchange.send(202, new JsonObject());
        later(context.actions::reboot);
    }

    private void factoryReset(Exchange exchange) {
        if (!RESET_CONFIRMATION.equals(Json.optionalString(exchange.json(), "confirm").orElse(""))) {
            throw WebError.badRequest("confirm with {confirm: \"" + RESET_CONFIRMATION + "\"}");
        }
        Logger.warn("factory reset asked by {} from the web UI", exchange.session().user());
        exchange.send(202, new JsonObject());
        later(() -> {
            context.sessions.clear();
            context.actions.factoryReset();
        });
    }

    /** After the answer has gone: a restart stops this server. */
    private static void later(Runnable action) {
        Thread thread = new Thread(() -> {
            try {
                Thread.sleep(Duration.ofMillis(300).toMillis());
                action.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                Logger.error(e, "the web UI's restart failed");
            }
        }, "web-restart");
        thread.setDaemon(true);
        thread.start();
    }

    private void upgrade(Exchange exchange) throws IOException {
        FirmwareInstaller installer = context.firmware.orElseThrow(() -> WebError.conflict(
                "this board installs no firmware; on the PC, update deskphone itself (git pull, tools/deskphone)"));
        Path folder = Files.createDirectories(context.folder("resources").resolve("firmware"));
        Path partial = folder.resolve(".upload.part");
        long total = 0;
        try (InputStream in = exchange.bodyStream(); OutputStream out = Files.newOutputStream(partial)) {
            byte[] buffer = new byte[65536];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                total += n;
                if (total > ResourceSetting.FIRMWARE_MAX) {
                    throw new WebError(413, "the image is larger than " + ResourceSetting.FIRMWARE_MAX / (1024 * 1024) + " MB");
                }
                out.write(buffer, 0, n);
            }
        } catch (WebError e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        if (total == 0) {
            Files.deleteIfExists(partial);
            throw new WebError(422, "the upload is empty");
        }
        Path image = folder.resolve("upload.rom");
        Files.move(partial, image, StandardCopyOption.REPLACE_EXISTING);
        try {
            installer.install(image);
        } catch (IOException e) {
            throw new WebError(422, "the image was not installed: " + e.getMessage());
        }
        Logger.info("firmware image of {} bytes installed from the web UI by {}", total, exchange.session().user());
        JsonObject out = new JsonObject();
        out.addProperty("bytes", total);
        exchange.send(200, out);
        later(context.actions::reboot);
    }

    private void logs(Exchange exchange) {
        long since = exchange.query("since").map(MaintenanceApi::number).orElse(-1L);
        JsonObject out = new JsonObject();
        out.addProperty("collected", RecentLog.get().fed());
        JsonArray lines = new JsonArray();
        for (RecentLog.Line line : RecentLog.get().since(since)) {
            JsonObject item = new JsonObject();
            item.addProperty("seq", line.sequence());
            item.addProperty("time", line.time().toString());
            item.addProperty("level", line.level());
            item.addProperty("thread", line.thread());
            item.addProperty("class", line.className() == null ? "" : line.className().substring(line.className().lastIndexOf('.') + 1));
            item.addProperty("message", line.message());
            lines.add(item);
        }
        out.add("lines", lines);
        out.addProperty("next", RecentLog.get().next());
        exchange.send(200, out);
    }

    private void download(Exchange exchange) throws IOException {
        Path file = context.folder("logs").resolve("deskphone.log");
        if (Files.isRegularFile(file)) {
            exchange.download("text/plain; charset=utf-8", "deskphone.log", Files.readAllBytes(file));
            return;
        }
        StringBuilder text = new StringBuilder();
        for (RecentLog.Line line : RecentLog.get().since(-1)) {
            text.append(line.time()).append(' ').append(line.level()).append(" [").append(line.thread()).append("] ")
                    .append(line.className()).append(": ").append(line.message()).append('\n');
        }
        exchange.download("text/plain; charset=utf-8", "deskphone.log", text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static long number(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw WebError.badRequest("since must be a number");
        }
    }
}
