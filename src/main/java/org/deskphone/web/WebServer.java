package org.deskphone.web;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.deskphone.config.Access;
import org.deskphone.config.Config;
import org.deskphone.config.ConfigStore;
import org.deskphone.config.Source;
import org.deskphone.dialplan.DialPlan;
import org.deskphone.hal.BoardDescriptor;
import org.deskphone.hal.NetworkStatus;
import org.deskphone.loop.Clock;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.net.NetworkService;
import org.deskphone.provision.FirmwareInstaller;
import org.deskphone.provision.ProvisioningClient;
import org.deskphone.provision.ResourceKind;
import org.tinylog.Logger;

/**
 * The phone's local web UI: the JDK's HTTP(S) server, the JSON API under {@code /api/} and the pages. HTTPS
 * with a certificate made on first start; HTTP beside it, or sending browsers to HTTPS, as the settings
 * say (see {@link WebEndpoints}). Built per phone by {@link #builder}; {@link #stop()} ends it within a
 * fraction of a second. Keep the server's {@link WebSessions} across phone restarts so that a restart does
 * not log everybody out.
 */
public final class WebServer {
    /** Request threads; server-sent event streams hold one each, so there are more than the streams. */
    private static final int THREADS = EventStream.MAX_STREAMS + 8;

    private final WebContext context;
    private final List<HttpServer> servers;
    private final ExecutorService threads;
    private final Optional<URI> address;
    private final Routes routes;

    private WebServer(WebContext context, List<HttpServer> servers, ExecutorService threads, Optional<URI> address, Routes routes) {
        this.context = context;
        this.servers = servers;
        this.threads = threads;
        this.address = address;
        this.routes = routes;
    }

    /**
     * Starts a web UI for the phone whose loop, configuration and data folder these are; the builder adds
     * what else the phone has.
     */
    public static Builder builder(PhoneLoop loop, ConfigStore config, Path data) {
        return new Builder(loop, config, data);
    }

    /** Where a browser finds the UI: HTTPS when on, else HTTP; empty when both are off. */
    public Optional<URI> address() {
        return address;
    }

    /** Stops serving: open pages' streams end, the ports close. */
    public void stop() {
        context.stop();
        for (HttpServer server : servers) {
            server.stop(0);
        }
        threads.shutdownNow();
        Logger.info("web UI stopped");
    }

    /** A port the web UI listens on. */
    record Port(String scheme, int port) {
    }

    List<Port> ports() {
        return servers.stream().map(s -> new Port(s instanceof HttpsServer ? "https" : "http", s.getAddress().getPort())).toList();
    }

    /** The API's routes; the README's table and the tests read them. */
    List<Routes.Route> routes() {
        return routes.all();
    }

    static Routes routesOf(WebContext context) {
        Routes routes = new Routes();
        new SessionApi(context).register(routes);
        new StatusApi(context).register(routes);
        new SettingsApi(context).register(routes);
        new ProvisioningApi(context).register(routes);
        new DialPlanApi(context).register(routes);
        new PhoneApi(context).register(routes);
        new DirectoryApi(context).register(routes);
        new HistoryApi(context).register(routes);
        new SecurityApi(context).register(routes);
        new MaintenanceApi(context).register(routes);
        return routes;
    }

    /** The phone's parts the web UI shows and drives; everything but the loop, store and folder is optional. */
    public static final class Builder {
        final PhoneLoop loop;
        final ConfigStore config;
        final Path data;
        FrontPanel panel;
        NetworkService network;
        ProvisioningClient provisioning;
        FirmwareInstaller firmware;
        AccountStates accounts = AccountStates.NONE;
        CallHistory history = CallHistory.NONE;
        DialPlanSource dialPlans = DialPlanSource.of(DialPlan.defaults(), "factory defaults");
        KeyMap keys = KeyMap.MANUALS;
        PhoneActions actions = PhoneActions.NONE;
        WebSessions sessions;
        Clock clock = Clock.system();
        String version = "unknown";
        String model = "deskphone";
        private BoardDescriptor board;

        private Builder(PhoneLoop loop, ConfigStore config, Path data) {
            this.loop = Objects.requireNonNull(loop, "loop");
            this.config = Objects.requireNonNull(config, "config");
            this.data = Objects.requireNonNull(data, "data");
        }

        /** The board's descriptor: where to listen, the ports a PC uses, the model. */
        public Builder board(BoardDescriptor value) {
            board = value;
            model = value.model();
            return this;
        }

        /** The LCD, LEDs, hook and, on the PC, the keys: the virtual phone. */
        public Builder panel(FrontPanel value) {
            panel = value;
            return this;
        }

        public Builder network(NetworkService value) {
            network = value;
            return this;
        }

        public Builder provisioning(ProvisioningClient value) {
            provisioning = value;
            return this;
        }

        public Builder firmware(FirmwareInstaller value) {
            firmware = value;
            return this;
        }

        public Builder accounts(AccountStates value) {
            accounts = Objects.requireNonNull(value, "accounts");
            return this;
        }

        public Builder history(CallHistory value) {
            history = Objects.requireNonNull(value, "history");
            return this;
        }

        public Builder dialPlans(DialPlanSource value) {
            dialPlans = Objects.requireNonNull(value, "dialPlans");
            return this;
        }

        public Builder keys(KeyMap value) {
            keys = Objects.requireNonNull(value, "keys");
            return this;
        }

        public Builder actions(PhoneActions value) {
            actions = Objects.requireNonNull(value, "actions");
            return this;
        }

        /** Logins kept across phone restarts; a new set when not given. */
        public Builder sessions(WebSessions value) {
            sessions = value;
            return this;
        }

        /** The clock sessions and lockouts run on (a test's). */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public Builder version(String value) {
            version = Objects.requireNonNull(value, "version");
            return this;
        }

        /**
         * Makes the certificate if needed and starts serving.
         *
         * @throws IOException when a port cannot be had (and the board allows no other) or the data folder
         *     cannot be written
         */
        public WebServer start() throws IOException {
            if (board == null) {
                throw new IllegalStateException("the web server needs the board's descriptor");
            }
            if (sessions == null) {
                sessions = new WebSessions(clock);
            }
            Path folder = data.resolve("web");
            WebSessions sessionsHere = sessions;
            sessionsHere.idleLimit(() -> idleLimit(config.current()));
            Logins logins = new Logins(config, Passwords.in(folder), new LoginGuard(clock), sessionsHere);
            config.subscribe(change -> {
                for (Access level : Access.values()) {
                    if (change.changed().contains("security.password." + level.name().toLowerCase(Locale.ROOT))) {
                        logins.configurationChanged(level);
                    }
                }
            });
            Permissions permissions = new Permissions(data.resolve("resources").resolve(ResourceKind.WEB_PERMISSIONS.folder()));
            WebEndpoints endpoints = WebEndpoints.of(config.current(), board);
            WebCertificate certificate = WebCertificate.loadOrCreate(folder, model, addresses());
            WebContext context = new WebContext(this, logins, permissions, certificate);
            Routes routes = routesOf(context);
            StaticFiles files = new StaticFiles();
            ThreadPoolExecutor threads = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                    new Named("web"));
            threads.allowCoreThreadTimeOut(true);
            if (network != null) {
                coverAddresses(network, certificate, context, threads);
            }
            List<HttpServer> servers = new ArrayList<>();
            Optional<URI> address = Optional.empty();
            try {
                if (endpoints.https()) {
                    HttpsServer https = HttpsServer.create(bind(endpoints, endpoints.httpsPort()), 64);
                    https.setHttpsConfigurator(configurator(certificate.sslContext()));
                    https.createContext("/", new Dispatcher(context, routes, files, true));
                    https.setExecutor(threads);
                    https.start();
                    servers.add(https);
                    address = Optional.of(uri("https", endpoints.address(), https.getAddress().getPort()));
                }
                if (endpoints.http()) {
                    HttpServer http = HttpServer.create(bind(endpoints, endpoints.httpPort()), 64);
                    if (endpoints.redirect()) {
                        int httpsPort = servers.get(0).getAddress().getPort();
                        http.createContext("/", exchange -> Redirect.toHttps(exchange, httpsPort));
                    } else {
                        http.createContext("/", new Dispatcher(context, routes, files, false));
                    }
                    http.setExecutor(threads);
                    http.start();
                    servers.add(http);
                    if (address.isEmpty()) {
                        address = Optional.of(uri("http", endpoints.address(), http.getAddress().getPort()));
                    }
                }
            } catch (IOException | RuntimeException e) {
                servers.forEach(server -> server.stop(0));
                threads.shutdownNow();
                throw e;
            }
            if (servers.isEmpty()) {
                Logger.info("web UI off: wui.http_enable and wui.https_enable are both 0");
            } else {
                Logger.info("web UI at {}", servers.stream().map(s -> (s instanceof HttpsServer ? "https" : "http") + " port "
                        + s.getAddress().getPort()).toList());
            }
            return new WebServer(context, servers, threads, address, routes);
        }

        /** The phone's addresses now, read on the loop; none without a network. */
        private List<InetAddress> addresses() throws IOException {
            if (network == null) {
                return List.of();
            }
            NetworkService service = network;
            java.util.function.Supplier<List<InetAddress>> read = () -> service.status().addresses().stream().map(NetworkStatus.Address::ip).toList();
            if (loop.inLoop()) {
                return read.get();
            }
            try {
                return loop.ask(read).get(WebContext.LOOP_WAIT_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while starting the web UI", e);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                Logger.warn("the phone's addresses are not known yet ({}); the web certificate names loopback", e.toString());
                return List.of();
            }
        }

        /**
         * Keeps the generated certificate naming the phone's addresses as they change; the status is read on the
         * loop, the signing done on a web thread.
         */
        private void coverAddresses(NetworkService service, WebCertificate certificate, WebContext context, ExecutorService threads) {
            Runnable check = () -> {
                List<InetAddress> addresses = service.status().addresses().stream().map(NetworkStatus.Address::ip).toList();
                if (!context.stopped()) {
                    try {
                        threads.execute(() -> certificate.cover(addresses));
                    } catch (java.util.concurrent.RejectedExecutionException e) {
                        Logger.debug("web UI stopping: certificate names left as they are");
                    }
                }
            };
            loop.post(() -> service.subscribe(check));
        }

        /**
         * The idle time before a session ends: the ALE manual's 10 minutes (L3056-3060), or Yealink's
         * {@code features.relog_offtime} (minutes, L10178) when it has been set.
         */
        private static Duration idleLimit(Config config) {
            return config.source("features.relog_offtime").kind() == Source.Kind.FACTORY ? Duration.ofMinutes(10)
                    : Duration.ofMinutes(config.integer("features.relog_offtime"));
        }

        private static InetSocketAddress bind(WebEndpoints endpoints, int port) throws IOException {
            InetSocketAddress wanted = new InetSocketAddress(endpoints.address(), port);
            try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
                probe.setReuseAddress(true);
                probe.bind(wanted);
                return wanted;
            } catch (BindException e) {
                if (!endpoints.portFallback()) {
                    throw new BindException("web UI: port " + port + " on " + endpoints.address().getHostAddress() + " is in use: "
                            + e.getMessage());
                }
                Logger.warn("web UI: port {} is in use; taking a free one (web.port_fallback)", port);
                return new InetSocketAddress(endpoints.address(), 0);
            }
        }

        private static HttpsConfigurator configurator(SSLContext ssl) {
            return new HttpsConfigurator(ssl) {
                @Override
                public void configure(HttpsParameters parameters) {
                    SSLParameters tls = ssl.getDefaultSSLParameters();
                    tls.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
                    tls.setNeedClientAuth(false);
                    parameters.setSSLParameters(tls);
                }
            };
        }

        private static URI uri(String scheme, InetAddress bound, int port) {
            String host;
            if (bound.isAnyLocalAddress()) {
                host = "localhost";
            } else if (bound instanceof Inet6Address) {
                host = "[" + bound.getHostAddress().replaceFirst("%.*$", "") + "]";
            } else {
                host = bound.getHostAddress();
            }
            return URI.create(scheme + "://" + host + ":" + port + "/");
        }
    }

    /** Daemon threads with a name, so a thread dump says whose they are. */
    private static final class Named implements java.util.concurrent.ThreadFactory {
        private final String prefix;
        private final AtomicInteger count = new AtomicInteger();

        Named(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
