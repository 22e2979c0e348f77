package org.deskphone.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.deskphone.hal.BoardDescriptor;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.provision.ConfigSink;
import org.deskphone.provision.DeviceIdentity;
import org.deskphone.provision.FileSequence;
import org.deskphone.provision.PnpDiscovery;
import org.deskphone.provision.ProvisioningClient;
import org.deskphone.provision.ProvisioningSettings;
import org.deskphone.provision.ProvisioningState;
import org.deskphone.provision.ResourceKind;
import org.deskphone.provision.Restarter;
import org.deskphone.provision.TlsSettings;
import org.deskphone.provision.Transports;
import org.deskphone.provision.dhcp.DhcpInformClient;
import org.deskphone.provision.dhcp.DhcpSource;
import org.tinylog.Logger;

/**
 * Wires provisioning for a phone or for {@code deskphone provision}: the board's identity and switches, the
 * data folder's state and resources, and the configuration store. Where the files are:
 * {@code <data>/config/store.cfg} (the configuration, with the MD5s of the files applied last),
 * {@code <data>/provision/state.properties} (the resources' MD5s), {@code <data>/resources/...}.
 */
final class PhoneProvisioning {

    /** What the command line may say beyond the board and the configuration. */
    record Overrides(Optional<String> mac, Optional<String> model, Optional<String> modelCode, boolean dhcp,
            Optional<String> dhcpInterface, List<Path> trusted, Optional<Path> clientCertificate, String clientPassword,
            boolean insecure) {
        static final Overrides NONE = new Overrides(Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(),
                List.of(), Optional.empty(), "", false);
    }

    private PhoneProvisioning() {
    }

    /** {@code <data>/resources}: the files provisioning downloads, a folder per {@link ResourceKind}. */
    static Path resources(Path dataRoot) {
        return dataRoot.resolve("resources");
    }

    static ProvisioningClient.Builder builder(BoardDescriptor board, DataFolder data, PhoneLoop loop, ConfigSink store,
            Restarter restarter, Overrides overrides) throws IOException {
        return builder(board, data, loop, store, restarter, overrides, UnaryOperator.identity());
    }

    /**
     * As above, the DHCPINFORM client passed through {@code gather}: a running phone's network service,
     * which adds the system lease's options and takes the answer's for time and VLAN.
     */
    static ProvisioningClient.Builder builder(BoardDescriptor board, DataFolder data, PhoneLoop loop, ConfigSink store,
            Restarter restarter, Overrides overrides, UnaryOperator<DhcpSource> gather) throws IOException {
        DeviceIdentity identity = DeviceIdentity.of(board, overrides.mac(), overrides.model(), overrides.modelCode(),
                Version.version());
        // Folders are made when something is written, so that a phone that never provisioned leaves none.
        Path resources = resources(data.root());
        boolean dhcp = overrides.dhcp() || board.flag("provision.dhcp", false);
        Optional<String> dhcpInterface = overrides.dhcpInterface().or(() -> board.get("provision.interface"));
        return ProvisioningClient.builder(loop, store, identity)
                .families(FileSequence.Family.parse(board.get("provision.files").orElse("yealink ale")))
                .data(resources, ProvisioningState.load(data.root().resolve("provision").resolve("state.properties")))
                .dhcp(dhcp, gather.apply(new DhcpInformClient(dhcpInterface)))
                // The PnP SUBSCRIBE belongs to the SIP user agent; until it is wired, PnP discovery finds nothing.
                .pnp(board.flag("provision.pnp", false), PnpDiscovery.NONE)
                .transports(settings -> transports(settings, resources, identity, overrides))
                .restarter(restarter)
                .zone(ZoneId.systemDefault());
    }

    /**
     * The run's transports: the server's certificate checked unless the settings or {@code --insecure} turn
     * it off, against the JVM's CAs plus {@code --ca} files and the trusted certificates provisioning
     * installed; the client certificate from {@code --client-cert}.
     */
    private static Transports transports(ProvisioningSettings settings, Path resources, DeviceIdentity identity,
            Overrides overrides) throws IOException {
        List<Path> trusted = new ArrayList<>(overrides.trusted());
        Path installed = resources.resolve(ResourceKind.TRUSTED_CERTIFICATE.folder());
        if (Files.isDirectory(installed)) {
            try (Stream<Path> files = Files.list(installed)) {
                files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).sorted()
                        .forEach(trusted::add);
            }
        }
        TlsSettings tls = TlsSettings.defaults().withVerify(settings.verifyServer() && !overrides.insecure());
        for (Path file : trusted) {
            try {
                tls = tls.trusting(List.of(file));
            } catch (IOException e) {
                if (overrides.trusted().contains(file)) {
                    throw e;
                }
                // One unreadable installed certificate must not stop provisioning, which is how it gets replaced.
                Logger.warn("trusted certificate skipped: {}", e.getMessage());
            }
        }
        if (overrides.clientCertificate().isPresent()) {
            tls = tls.withClientIdentity(overrides.clientCertificate().get(), overrides.clientPassword());
        }
        return Transports.standard(tls, settings.connectTimeout(), ProvisioningClient.userAgent(identity));
    }
}
