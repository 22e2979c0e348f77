package org.deskphone.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.deskphone.config.ConfigStore;
import org.deskphone.hal.BoardDescriptor;
import org.deskphone.loop.Clock;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.provision.ConfigSink;
import org.deskphone.provision.Credentials;
import org.deskphone.provision.ProvisioningClient;
import org.deskphone.provision.RunReport;
import org.deskphone.provision.ServerCandidate;
import org.deskphone.provision.ServerDiscovery;
import org.deskphone.provision.Trigger;

/**
 * {@code deskphone provision}: one provisioning run, now, against {@code --url} (or, without it, wherever
 * the configuration and {@code --dhcp} point), into the phone's configuration store, which it opens and
 * saves before it ends. Prints each request, what changed and whether a restart is needed; exits 0 when the
 * configuration came, every file was taken and the configuration is saved.
 */
final class ProvisionCommand implements Command {
    private static final Duration SAVE_TIMEOUT = Duration.ofSeconds(10);
    private static final Set<String> OPTIONS = Set.of("url", "mac", "model", "model-code", "user", "password", "interface",
            "ca", "client-cert", "client-cert-password", "board", "data", "log-level");

    @Override
    public String summary() {
        return "provision now: --url URL [--mac MAC] [--model M] [--user U --password P] [--dhcp] [--ca FILE] [--insecure]";
    }

    @Override
    public Set<String> options() {
        return OPTIONS;
    }

    @Override
    public Set<String> flags() {
        return Set.of("dhcp", "insecure");
    }

    @Override
    public int run(Arguments arguments, Console console) throws Exception {
        BoardDescriptor board = Main.board(arguments);
        DataFolder data = DataFolder.open(Main.dataPath(arguments, board));
        try (DataFolder.Claim claim = data.claim()) {
            return run(board, data, arguments, console);
        }
    }

    private static int run(BoardDescriptor board, DataFolder data, Arguments arguments, Console console) throws Exception {
        if (!org.tinylog.configuration.Configuration.isFrozen()) {
            Logging.toConsole(arguments.option("log-level").orElse("warn"));
        }
        if (arguments.option("password").isPresent() && arguments.option("user").isEmpty()) {
            throw new IllegalArgumentException("--password needs --user");
        }
        PhoneProvisioning.Overrides overrides = new PhoneProvisioning.Overrides(arguments.option("mac"), arguments.option("model"),
                arguments.option("model-code"), arguments.flag("dhcp"), arguments.option("interface"),
                arguments.option("ca").map(Path::of).map(List::of).orElse(List.of()),
                arguments.option("client-cert").map(Path::of), arguments.option("client-cert-password").orElse(""),
                arguments.flag("insecure"));
        PhoneLoop loop = new PhoneLoop(Clock.system());
        ConfigStore store = ConfigStore.open(data.folder(Lifecycle.CONFIG_FOLDER), loop);
        loop.start("provision-loop");
        RunReport report;
        boolean saved;
        try {
            ProvisioningClient client = PhoneProvisioning.builder(board, data, loop, new ConfigSink(store),
                    why -> { }, overrides).build();
            CompletableFuture<RunReport> run;
            Optional<String> url = arguments.option("url");
            if (url.isPresent()) {
                Credentials credentials = new Credentials(arguments.option("user").orElse(""), arguments.option("password").orElse(""));
                List<ServerCandidate> servers = ServerDiscovery.fromText(url.get(), ServerCandidate.Origin.COMMAND_LINE, credentials);
                if (servers.isEmpty()) {
                    throw new IllegalArgumentException("--url '" + url.get() + "' is not a URL the phone can fetch from");
                }
                run = client.runFrom(servers, Trigger.NOW);
            } else {
                run = client.runNow(Trigger.NOW);
            }
            report = run.get(30, TimeUnit.MINUTES);
            report.lines().forEach(console.out()::println);
            client.stop();
        } finally {
            loop.stop(Duration.ofSeconds(2));
            saved = save(store, console);
        }
        if (!saved) {
            return Main.FAILED;
        }
        return report.succeeded() ? Main.OK : Main.FAILED;
    }

    /** Waits for what the run committed to be on disk, then closes the store; says so when it is not. */
    private static boolean save(ConfigStore store, Console console) {
        try {
            store.saved().get(SAVE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            console.err().println("deskphone provision: the configuration was not saved: " + e.getCause().getMessage());
            store.close(SAVE_TIMEOUT);
            return false;
        } catch (InterruptedException | TimeoutException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            console.err().println("deskphone provision: the configuration was not saved within " + SAVE_TIMEOUT.toSeconds() + " s");
            store.close(SAVE_TIMEOUT);
            return false;
        }
        return store.close(SAVE_TIMEOUT);
    }
}
