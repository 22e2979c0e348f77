package org.deskphone.hal;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.tinylog.Logger;

/**
 * The operating system's network, observed and never changed: the PC board's driver, and any board's
 * until it brings its own. It reads what the JDK and {@code /proc} show (addresses, default routes,
 * {@code /etc/resolv.conf}, {@code /proc/net/vlan}) and sends nothing at all.
 *
 * <p>Descriptor keys: {@code network.interface} (default: the port of the default route) and
 * {@code network.poll} (seconds between looks, default 5).
 */
public final class HostNetwork implements Network {
    private final Optional<String> configuredInterface;
    private final Path proc;
    private final Path resolvConf;
    private volatile NetworkStatus status;
    private volatile NetworkPlan lastPlan;
    private final NetworkWatch watch;

    /**
     * @param configuredInterface the port to report; empty for the port of the default route
     * @param proc                where {@code /proc} is (tests point it at a copy)
     * @param resolvConf          where {@code resolv.conf} is
     * @param poll                how often to look again
     */
    public HostNetwork(Optional<String> configuredInterface, Path proc, Path resolvConf, Duration poll) {
        this.configuredInterface = configuredInterface;
        this.proc = proc;
        this.resolvConf = resolvConf;
        this.status = NetworkStatus.down(configuredInterface.orElse("-"));
        this.watch = new NetworkWatch(this::read, poll);
    }

    public static HostNetwork fromDescriptor(BoardDescriptor descriptor) {
        int seconds = Integer.parseInt(descriptor.get("network.poll").orElse("5"));
        if (seconds < 1) {
            throw new IllegalArgumentException(descriptor.source() + ": network.poll must be 1 or more seconds");
        }
        return new HostNetwork(descriptor.get("network.interface"), Path.of("/proc"), Path.of("/etc/resolv.conf"),
                Duration.ofSeconds(seconds));
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

    /** Looks at the system now; what {@link #open}'s thread does every {@code poll}. */
    public NetworkStatus read() {
        String name = configuredInterface.or(this::defaultRouteInterface).or(HostNetwork::firstUsableInterface)
                .orElse("-");
        NetworkStatus now;
        try {
            NetworkInterface port = NetworkInterface.getByName(name);
            if (port == null) {
                now = NetworkStatus.down(name);
            } else {
                List<NetworkStatus.Address> addresses = new ArrayList<>();
                for (InterfaceAddress address : port.getInterfaceAddresses()) {
                    addresses.add(new NetworkStatus.Address(withoutScope(address.getAddress()), address.getNetworkPrefixLength()));
                }
                now = new NetworkStatus(name, port.isUp(), addresses, gateways(name), dnsServers(), vlan(name),
                        DhcpLease.NONE, Optional.empty());
            }
        } catch (SocketException e) {
            Logger.debug("cannot read interface {}: {}", name, e.getMessage());
            now = NetworkStatus.down(name);
        }
        status = now;
        return now;
    }

    /** Notes the plan and changes nothing: this driver never configures the system. */
    @Override
    public Applied apply(NetworkPlan plan) {
        if (!plan.equals(lastPlan)) {
            lastPlan = plan;
            Logger.info("network settings are not applied on this board: the system's network is used as it is");
        }
        return Applied.NOT_MANAGED;
    }

    @Override
    public void close() {
        watch.stop();
    }

    private Optional<String> defaultRouteInterface() {
        for (String[] route : table(proc.resolve("net/route"), 1)) {
            if (route.length > 3 && route[1].equals("00000000") && (Integer.parseInt(route[3], 16) & 0x1) != 0) {
                return Optional.of(route[0]);
            }
        }
        for (String[] route : table(proc.resolve("net/ipv6_route"), 0)) {
            if (route.length >= 10 && route[0].matches("0{32}") && route[1].equals("00") && !route[9].equals("lo")) {
                return Optional.of(route[9]);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> firstUsableInterface() {
        try {
            for (NetworkInterface port : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (port.isUp() && !port.isLoopback()) {
                    for (InterfaceAddress address : port.getInterfaceAddresses()) {
                        if (new NetworkStatus.Address(address.getAddress(), address.getNetworkPrefixLength()).usable()) {
                            return Optional.of(port.getName());
                        }
                    }
                }
            }
        } catch (SocketException e) {
            Logger.debug("cannot list interfaces: {}", e.getMessage());
        }
        return Optional.empty();
    }

    /** Default gateways of {@code name}: IPv4 from {@code net/route}, IPv6 from {@code net/ipv6_route}. */
    List<InetAddress> gateways(String name) {
        List<InetAddress> gateways = new ArrayList<>();
        for (String[] route : table(proc.resolve("net/route"), 1)) {
            if (route.length > 3 && route[0].equals(name) && route[1].equals("00000000") && !route[2].equals("00000000")) {
                long little = Long.parseLong(route[2], 16);
                byte[] ip = {(byte) little, (byte) (little >> 8), (byte) (little >> 16), (byte) (little >> 24)};
                gateways.add(address(ip));
            }
        }
        for (String[] route : table(proc.resolve("net/ipv6_route"), 0)) {
            if (route.length >= 10 && route[9].equals(name) && route[0].matches("0{32}") && route[1].equals("00")
                    && !route[4].matches("0{32}")) {
                gateways.add(address(hex(route[4])));
            }
        }
        return gateways;
    }

    List<InetAddress> dnsServers() {
        List<InetAddress> servers = new ArrayList<>();
        for (String line : lines(resolvConf)) {
            String[] words = line.trim().split("\\s+");
            if (words.length >= 2 && words[0].equals("nameserver")) {
                try {
                    servers.add(withoutScope(InetAddress.getByName(words[1].split("%")[0])));
                } catch (UnknownHostException e) {
                    Logger.debug("{}: nameserver '{}' is not an address", resolvConf, words[1]);
                }
            }
        }
        return servers;
    }

    OptionalInt vlan(String name) {
        for (String line : lines(proc.resolve("net/vlan/config"))) {
            String[] cells = line.split("\\|");
            if (cells.length == 3 && cells[0].trim().equals(name)) {
                try {
                    return OptionalInt.of(Integer.parseInt(cells[1].trim()));
                } catch (NumberFormatException e) {
                    return OptionalInt.empty();
                }
            }
        }
        return OptionalInt.empty();
    }

    private static List<String[]> table(Path file, int skip) {
        List<String[]> rows = new ArrayList<>();
        List<String> lines = lines(file);
        for (int i = skip; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (!line.isEmpty()) {
                rows.add(line.split("\\s+"));
            }
        }
        return rows;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }

    private static byte[] hex(String digits) {
        byte[] bytes = new byte[digits.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }

    private static InetAddress address(byte[] ip) {
        try {
            return InetAddress.getByAddress(ip);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Link-local IPv6 addresses come with a scope; the status shows the bare address. */
    private static InetAddress withoutScope(InetAddress ip) {
        return ip instanceof Inet4Address ? ip : address(ip.getAddress());
    }

    @Override
    public String toString() {
        return "system network (read-only)";
    }
}
