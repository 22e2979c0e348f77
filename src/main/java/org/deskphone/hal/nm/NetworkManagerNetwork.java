package org.deskphone.hal.nm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.deskphone.hal.BoardDescriptor;
import org.deskphone.hal.DhcpLease;
import org.deskphone.hal.Network;
import org.deskphone.hal.NetworkPlan;
import org.deskphone.hal.NetworkStatus;
import org.deskphone.hal.NetworkWatch;
import org.deskphone.hal.VoicePolicy;
import org.tinylog.Logger;

/**
 * A Linux board's network through NetworkManager (see the package comment for what it writes).
 *
 * <p>Descriptor keys: {@code network = networkmanager}; {@code network.interface} (the LAN port, default
 * {@code eth0}); {@code network.poll} (seconds between looks, default 10); {@code network.root} (where
 * the system's files are, default {@code /}); {@code network.lldpcli} (the lldpcli command, default
 * {@code lldpcli}).
 */
public final class NetworkManagerNetwork implements Network {
    /** Where and how the driver works. */
    public record Options(String port, Path root, Duration poll, List<String> lldpcli) {
        public Options {
            Objects.requireNonNull(port, "port");
            if (!port.matches("[A-Za-z0-9_.-]{1,15}")) {
                throw new IllegalArgumentException("'" + port + "' is not an interface name");
            }
            lldpcli = List.copyOf(lldpcli);
        }
    }

    private final Options options;
    private final Commands commands;
    private volatile NetworkStatus status;
    private final NetworkWatch watch;

    public NetworkManagerNetwork(Options options, Commands commands) {
        this.options = options;
        this.commands = commands;
        this.status = NetworkStatus.down(options.port());
        this.watch = new NetworkWatch(this::read, options.poll());
    }

    public static NetworkManagerNetwork fromDescriptor(BoardDescriptor descriptor) {
        int seconds = Integer.parseInt(descriptor.get("network.poll").orElse("10"));
        return new NetworkManagerNetwork(new Options(descriptor.get("network.interface").orElse("eth0"),
                Path.of(descriptor.get("network.root").orElse("/")), Duration.ofSeconds(Math.max(1, seconds)),
                Arrays.asList(descriptor.get("network.lldpcli").orElse("lldpcli").split("\\s+"))),
                Commands.system(Duration.ofSeconds(60)));
    }

    /** Looks once before returning, so that {@link #status()} is current from then on. */
    @Override
    public void open(Consumer<NetworkStatus> listener) {
        watch.start(listener);
    }

    @Override
    public NetworkStatus status() {
        return status;
    }

    @Override
    public void close() {
        watch.stop();
    }

    /** Asks NetworkManager, the lease file and lldpd what the network is now. */
    public NetworkStatus read() {
        String port = options.port();
        OptionalInt vlan = installedVlan();
        String ipInterface = vlan.isPresent() ? port + "." + vlan.getAsInt() : port;
        String connection = vlan.isPresent() ? SystemFiles.VLAN : SystemFiles.LAN;
        DhcpLease lease = lease(SystemFiles.uuid(connection, port), ipInterface);
        Optional<VoicePolicy> voice = voicePolicy();
        NetworkStatus now;
        try {
            NmcliStatus device = NmcliStatus.parse(output(List.of("nmcli", "-t", "-f", NmcliStatus.FIELDS, "device", "show", ipInterface)));
            boolean link = vlan.isEmpty() ? device.linkUp()
                    : NmcliStatus.parse(output(List.of("nmcli", "-t", "-f", "GENERAL.STATE", "device", "show", port))).linkUp();
            now = new NetworkStatus(ipInterface, link, device.addresses(), device.gateways(), device.dnsServers(), vlan, lease, voice);
        } catch (IOException e) {
            // NetworkManager not answering says nothing about what the switch and the lease said.
            Logger.debug("cannot ask NetworkManager about {}: {}", ipInterface, e.getMessage());
            now = NetworkStatus.down(ipInterface).with(lease, voice);
        }
        status = now;
        return now;
    }

    @Override
    public synchronized Applied apply(NetworkPlan plan) throws IOException {
        Map<String, SystemFiles.SystemFile> wanted = SystemFiles.generate(plan, options.port());
        Map<String, Optional<byte[]>> before = new LinkedHashMap<>();
        for (Map.Entry<String, SystemFiles.SystemFile> file : wanted.entrySet()) {
            if (!same(file.getKey(), file.getValue())) {
                before.put(file.getKey(), read(file.getKey()));
            }
        }
        List<String> stale = staleFiles(wanted.keySet());
        for (String path : stale) {
            before.put(path, read(path));
        }
        if (before.isEmpty()) {
            return Applied.UNCHANGED;
        }
        replace(wanted, before.keySet(), stale);
        List<List<String>> steps = steps(plan, before.keySet(), stale);
        try {
            for (List<String> step : steps) {
                Commands.Result result = commands.run(step);
                if (!result.ok() && !tolerated(step)) {
                    throw new IOException(String.join(" ", step) + " failed (" + result.exitCode() + "): " + result.output().trim());
                }
            }
        } catch (IOException e) {
            restore(before);
            throw new IOException("the system refused the new network configuration, the previous one is back: " + e.getMessage(), e);
        }
        return Applied.APPLIED;
    }

    /** The commands that make the services take the changed files, in order. */
    List<List<String>> steps(NetworkPlan plan, Set<String> changed, List<String> stale) {
        List<List<String>> steps = new ArrayList<>();
        boolean network = changed.stream().anyMatch(p -> p.startsWith(SystemFiles.CONNECTIONS) || p.startsWith(SystemFiles.DHCLIENT_DIR)
                || p.equals(SystemFiles.NM_CONF));
        if (changed.contains(SystemFiles.NM_CONF)) {
            steps.add(List.of("systemctl", "restart", "NetworkManager"));
        } else if (network) {
            steps.add(List.of("nmcli", "connection", "reload"));
        }
        if (network) {
            steps.add(List.of("nmcli", "--wait", "30", "connection", "up", "id", SystemFiles.LAN));
            if (plan.vlanId().isPresent()) {
                steps.add(List.of("nmcli", "--wait", "30", "connection", "up", "id", SystemFiles.VLAN));
            }
        }
        if (changed.contains(SystemFiles.QOS)) {
            steps.add(stale.contains(SystemFiles.QOS) ? List.of("nft", "delete", "table", "inet", "deskphone_qos")
                    : List.of("nft", "-f", options.root().resolve(SystemFiles.QOS).toString()));
        }
        if (changed.contains(SystemFiles.TIMESYNCD)) {
            steps.add(List.of("systemctl", "restart", "systemd-timesyncd"));
        }
        if (changed.contains(SystemFiles.OPENVPN)) {
            if (stale.contains(SystemFiles.OPENVPN)) {
                steps.add(List.of("systemctl", "disable", "--now", "openvpn-client@deskphone"));
            } else {
                steps.add(List.of("systemctl", "enable", "openvpn-client@deskphone"));
                steps.add(List.of("systemctl", "restart", "openvpn-client@deskphone"));
            }
        }
        if (changed.contains(SystemFiles.LLDPD_DEFAULTS) || changed.contains(SystemFiles.LLDPD_CONF)) {
            steps.add(List.of("systemctl", "restart", "lldpd"));
        }
        return steps;
    }

    /** Removing a table that is not there is no failure. */
    private static boolean tolerated(List<String> step) {
        return step.size() > 1 && step.get(0).equals("nft") && step.get(1).equals("delete");
    }

    /** Writes every changed file beside its place first; only when all are written are they moved in. */
    private void replace(Map<String, SystemFiles.SystemFile> wanted, Set<String> changed, List<String> stale) throws IOException {
        Map<Path, Path> moves = new LinkedHashMap<>();
        try {
            for (String path : changed) {
                SystemFiles.SystemFile file = wanted.get(path);
                if (file == null) {
                    continue;
                }
                Path target = options.root().resolve(path);
                Files.createDirectories(target.getParent());
                Path temporary = target.resolveSibling("." + target.getFileName() + ".deskphone-new");
                Files.write(temporary, file.bytes());
                Files.setPosixFilePermissions(temporary, permissions(file.mode()));
                moves.put(temporary, target);
            }
        } catch (IOException | RuntimeException e) {
            for (Path temporary : moves.keySet()) {
                Files.deleteIfExists(temporary);
            }
            throw new IOException("cannot write the network configuration (nothing was changed): " + e.getMessage(), e);
        }
        for (Map.Entry<Path, Path> move : moves.entrySet()) {
            Files.move(move.getKey(), move.getValue(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        for (String path : stale) {
            Files.deleteIfExists(options.root().resolve(path));
        }
    }

    private void restore(Map<String, Optional<byte[]>> before) {
        for (Map.Entry<String, Optional<byte[]>> file : before.entrySet()) {
            Path target = options.root().resolve(file.getKey());
            try {
                if (file.getValue().isPresent()) {
                    Files.write(target, file.getValue().get());
                } else {
                    Files.deleteIfExists(target);
                }
            } catch (IOException e) {
                Logger.error("cannot put back {}: {}", target, e.getMessage());
            }
        }
        for (List<String> step : List.of(List.of("nmcli", "connection", "reload"),
                List.of("nmcli", "--wait", "30", "connection", "up", "id", SystemFiles.LAN))) {
            try {
                commands.run(step);
            } catch (IOException e) {
                Logger.error("{} failed while putting the network back: {}", String.join(" ", step), e.getMessage());
            }
        }
    }

    /** Files the driver once wrote (they carry its mark) that the plan no longer wants. */
    private List<String> staleFiles(Set<String> wanted) throws IOException {
        List<String> stale = new ArrayList<>();
        Set<String> folders = new LinkedHashSet<>(SystemFiles.FOLDERS);
        for (String folder : folders) {
            Path dir = options.root().resolve(folder);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                    String path = folder + file.getFileName();
                    if (!wanted.contains(path) && Files.isRegularFile(file) && !file.getFileName().toString().startsWith(".")
                            && marked(file)) {
                        stale.add(path);
                    }
                }
            }
        }
        return stale;
    }

    private static boolean marked(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return lines.stream().limit(2).anyMatch(line -> line.contains(SystemFiles.MARK));
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    /** True when the file is there with this content and mode; anything unreadable is not the same. */
    private boolean same(String path, SystemFiles.SystemFile file) {
        Path target = options.root().resolve(path);
        try {
            return Arrays.equals(Files.readAllBytes(target), file.bytes())
                    && Files.getPosixFilePermissions(target).equals(permissions(file.mode()));
        } catch (IOException e) {
            return false;
        }
    }

    /** A file's bytes, to put back on failure; empty when there is none to read. */
    private Optional<byte[]> read(String path) throws IOException {
        Path target = options.root().resolve(path);
        if (!Files.isRegularFile(target)) {
            return Optional.empty();
        }
        return Optional.of(Files.readAllBytes(target));
    }

    private static Set<PosixFilePermission> permissions(String mode) {
        StringBuilder text = new StringBuilder();
        for (char digit : mode.toCharArray()) {
            int bits = digit - '0';
            text.append((bits & 4) != 0 ? 'r' : '-').append((bits & 2) != 0 ? 'w' : '-').append((bits & 1) != 0 ? 'x' : '-');
        }
        return PosixFilePermissions.fromString(text.toString());
    }

    /** The VLAN of the phone's installed VLAN connection, if it has one. */
    private OptionalInt installedVlan() {
        Path file = options.root().resolve(SystemFiles.CONNECTIONS + SystemFiles.VLAN + ".nmconnection");
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.startsWith("id=") && line.substring(3).matches("\\d{1,4}")) {
                    return OptionalInt.of(Integer.parseInt(line.substring(3)));
                }
            }
        } catch (IOException e) {
            // no VLAN connection
        }
        return OptionalInt.empty();
    }

    /** The lease NetworkManager's dhclient keeps for the connection: {@code dhclient[6]-UUID-IFACE.lease}. */
    private DhcpLease lease(String uuid, String ipInterface) {
        Path folder = options.root().resolve("var/lib/NetworkManager");
        return DhclientLease.parse(text(folder.resolve("dhclient-" + uuid + "-" + ipInterface + ".lease")),
                text(folder.resolve("dhclient6-" + uuid + "-" + ipInterface + ".lease")));
    }

    private Optional<VoicePolicy> voicePolicy() {
        List<String> command = new ArrayList<>(options.lldpcli());
        command.addAll(List.of("-f", "keyvalue", "show", "neighbors", "details", "ports", options.port()));
        try {
            Commands.Result result = commands.run(command);
            return result.ok() ? LldpNeighbors.voicePolicy(result.output(), options.port()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private String output(List<String> command) throws IOException {
        Commands.Result result = commands.run(command);
        if (!result.ok()) {
            throw new IOException(String.join(" ", command) + ": " + result.output().trim());
        }
        return result.output();
    }

    private static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public String toString() {
        return "NetworkManager on " + options.port();
    }
}
