package org.deskphone.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.deskphone.app.DataFolder;
import org.deskphone.app.Phone;
import org.deskphone.config.Access;
import org.deskphone.config.ChangeResult;
import org.deskphone.config.ConfigStore;
import org.deskphone.hal.Board;
import org.deskphone.hal.BoardDescriptor;
import org.deskphone.hal.DhcpLease;
import org.deskphone.hal.HookState;
import org.deskphone.hal.KeyEvent;
import org.deskphone.hal.NetworkStatus;
import org.deskphone.hal.mock.MemoryNetwork;
import org.deskphone.hal.mock.PcBoard;
import org.deskphone.loop.Clock;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.provision.ProvisioningClient;

/**
 * A whole phone on the PC board with its web UI, in the test's process: the real phone loop, configuration
 * store, idle screen and drivers, the web server on a free loopback port. What the phone heard from the
 * virtual keypad and hook is recorded; restarts and resets asked through the web UI are counted.
 */
final class WebPhone implements AutoCloseable {
    final Path data;
    final PhoneLoop loop;
    final ConfigStore config;
    final Phone phone;
    final FrontPanel panel;
    final WebServer web;
    final TestClock sessionsClock = new TestClock();
    final List<KeyEvent> keys = new CopyOnWriteArrayList<>();
    final List<HookState> hooks = new CopyOnWriteArrayList<>();
    final List<String> actions = new CopyOnWriteArrayList<>();

    private WebPhone(Path root, Map<String, String> settings, Map<String, String> board,
            java.util.function.Function<WebPhone, ProvisioningClient> provisioning, java.util.function.Consumer<WebServer.Builder> more)
            throws Exception {
        DataFolder folder = DataFolder.open(root);
        this.data = folder.root();
        this.loop = new PhoneLoop(Clock.system());
        this.config = ConfigStore.open(folder.folder("config"), loop);
        Board pc = PcBoard.create(descriptor(board), null, null).withNetwork(new MemoryNetwork(connected()));
        this.panel = FrontPanel.of(pc);
        this.phone = new Phone(panel.board(), folder, loop, config, ZoneOffset.UTC);
        loop.start("phone-loop");
        phone.start().get(10, TimeUnit.SECONDS);
        loop.ask(() -> {
            phone.onKey(keys::add);
            phone.onHook(hooks::add);
            if (!settings.isEmpty()) {
                ChangeResult result = config.change(Access.ADMIN, settings);
                if (!result.accepted()) {
                    throw new IllegalStateException(result.problems().toString());
                }
            }
            return null;
        }).get(10, TimeUnit.SECONDS);
        ProvisioningClient client = provisioning == null ? null : provisioning.apply(this);
        WebServer.Builder builder = WebServer.builder(loop, config, data)
                .board(panel.board().descriptor())
                .panel(panel)
                .network(phone.network())
                .provisioning(client)
                .clock(sessionsClock)
                .version("test")
                .actions(new PhoneActions() {
                    @Override
                    public void reboot() {
                        actions.add("reboot");
                    }

                    @Override
                    public void factoryReset() {
                        actions.add("factory reset");
                    }
                });
        more.accept(builder);
        this.web = builder.start();
    }

    /** A phone with these settings already changed locally (as the administrator). */
    static WebPhone start(Path root, Map<String, String> settings) throws Exception {
        return new WebPhone(root, settings, Map.of(), null, builder -> { });
    }

    /** A phone with board overrides, a provisioning client made for it, and more for its web UI. */
    static WebPhone start(Path root, Map<String, String> settings, Map<String, String> board,
            java.util.function.Function<WebPhone, ProvisioningClient> provisioning, java.util.function.Consumer<WebServer.Builder> more)
            throws Exception {
        return new WebPhone(root, settings, board, provisioning, more);
    }

    /** The PC board's descriptor, on free ports: several suites share the machine. */
    private static BoardDescriptor descriptor(Map<String, String> overrides) throws IOException {
        BoardDescriptor pc = BoardDescriptor.load(Path.of("board"), "pc");
        Map<String, String> values = new HashMap<>(pc.values());
        values.put("web.https_port", "0");
        values.put("web.http_port", "0");
        values.putAll(overrides);
        return new BoardDescriptor("pc", pc.source(), values);
    }

    private static NetworkStatus connected() throws IOException {
        return new NetworkStatus("eth0", true, List.of(new NetworkStatus.Address(InetAddress.getByName("192.0.2.7"), 24)),
                List.of(InetAddress.getByName("192.0.2.1")), List.of(), OptionalInt.empty(), DhcpLease.NONE, Optional.empty());
    }

    URI base() {
        return web.address().orElseThrow();
    }

    /** TLS that trusts exactly this phone's web certificate. */
    SSLContext trust() throws Exception {
        return trusting(data);
    }

    /** TLS that trusts exactly the web certificate of the phone whose data folder is {@code data}. */
    static SSLContext trusting(Path data) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(data.resolve("web").resolve(WebCertificate.FILE))) {
            store.load(in, WebCertificate.STORE_PASSWORD);
        }
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("phone", store.getCertificate(WebCertificate.ALIAS));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    /** Changes settings on the loop, as provisioning or another part of the phone would. */
    ChangeResult change(Map<String, String> values) throws Exception {
        return loop.ask(() -> config.change(Access.ADMIN, values)).get(10, TimeUnit.SECONDS);
    }

    String setting(String name) {
        return config.current().string(name);
    }

    @Override
    public void close() {
        web.stop();
        phone.stop(Duration.ofSeconds(3));
    }
}
