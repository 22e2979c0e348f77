package org.deskphone.web;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.deskphone.config.Config;
import org.deskphone.config.ConfigStore;
import org.deskphone.loop.Clock;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.net.NetworkService;
import org.deskphone.provision.FirmwareInstaller;
import org.deskphone.provision.ProvisioningClient;
import org.tinylog.Logger;

/**
 * What the API's handlers share: the phone's parts (read through snapshots, changed through the loop)
 * and the web UI's own state (sessions, passwords, permissions, certificate).
 */
final class WebContext {
    /** How long a request waits for the phone loop before it gives up. */
    static final long LOOP_WAIT_MS = 5000;

    final PhoneLoop loop;
    final ConfigStore config;
    final Path data;
    final Optional<FrontPanel> panel;
    final Optional<NetworkService> network;
    final Optional<ProvisioningClient> provisioning;
    final Optional<FirmwareInstaller> firmware;
    final AccountStates accounts;
    final CallHistory history;
    final DialPlanSource dialPlans;
    final KeyMap keys;
    final PhoneActions actions;
    final WebSessions sessions;
    final Logins logins;
    final Permissions permissions;
    final WebCertificate certificate;
    final Clock clock;
    final String version;
    final String model;
    /** The phone loop's monotonic time when this web UI started: the status page's uptime counts from it. */
    final long startedMillis;
    final AtomicInteger streams = new AtomicInteger();
    private volatile boolean stopped;

    WebContext(WebServer.Builder b, Logins logins, Permissions permissions, WebCertificate certificate) {
        this.loop = b.loop;
        this.config = b.config;
        this.data = b.data;
        this.panel = Optional.ofNullable(b.panel);
        this.network = Optional.ofNullable(b.network);
        this.provisioning = Optional.ofNullable(b.provisioning);
        this.firmware = Optional.ofNullable(b.firmware);
        this.accounts = b.accounts;
        this.history = b.history;
        this.dialPlans = b.dialPlans;
        this.keys = b.keys;
        this.actions = b.actions;
        this.sessions = b.sessions;
        this.logins = logins;
        this.permissions = permissions;
        this.certificate = certificate;
        this.clock = b.clock;
        this.version = b.version;
        this.model = b.model;
        this.startedMillis = b.loop.clock().millis();
    }

    /** The configuration now; any thread. */
    Config current() {
        return config.current();
    }

    /** Runs {@code question} on the phone loop and waits for its answer: how a request changes the phone. */
    <T> T onLoop(Supplier<T> question) {
        try {
            return loop.ask(question).get(LOOP_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebError error) {
                throw error;
            }
            Logger.error(e.getCause(), "a web request failed on the phone loop");
            throw new WebError(500, "the phone could not do it: " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw new WebError(503, "the phone is busy; try again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebError(503, "the web server is stopping");
        }
    }

    Path folder(String name) {
        return data.resolve(name);
    }

    boolean stopped() {
        return stopped;
    }

    void stop() {
        stopped = true;
    }
}
