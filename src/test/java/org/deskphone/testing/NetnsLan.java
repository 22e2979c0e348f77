package org.deskphone.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A private LAN in two network namespaces, removed when closed (see {@code tools/peers/netns-lan}): a server
 * side at {@link #serverAddress()} with dnsmasq (DHCP, and TFTP for provisioning) and an LLDP-MED "switch",
 * a phone side where the system's DHCP client and LLDP agent, or the phone itself, run. The host's interfaces
 * are never touched. Namespaces need root: without it the test fails in CI and is skipped elsewhere.
 */
public final class NetnsLan extends PeerProcess {
    /** The server side's address, the same on every LAN: each is a world of its own. */
    public static final String SERVER_ADDRESS = "10.99.0.1";
    private final Map<String, String> env = new HashMap<>();

    private NetnsLan(Path dir, List<String> arguments) {
        super("netns-lan", dir, arguments);
        try {
            for (String line : Files.readAllLines(dir.resolve("lan.env"), StandardCharsets.UTF_8)) {
                int equals = line.indexOf('=');
                if (equals > 0) {
                    env.put(line.substring(0, equals), line.substring(equals + 1));
                }
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Makes the LAN for the network's tests.
     *
     * @param dnsmasqOptions dnsmasq option lines for the DHCP server, or null for none
     * @param voiceVlan      the VLAN of the voice policy the switch advertises, or 0 for no LLDP
     */
    public static NetnsLan start(String dnsmasqOptions, int voiceVlan) {
        namespaces();
        List<String> arguments = new ArrayList<>();
        Path dir = folder("netns-lan");
        if (dnsmasqOptions != null) {
            arguments.addAll(dnsmasq(dir, dnsmasqOptions));
        }
        if (voiceVlan > 0) {
            RequiredTool.require("lldpd", "lldpd");
            arguments.addAll(List.of("--voice-vlan", Integer.toString(voiceVlan)));
        }
        return new NetnsLan(dir, arguments);
    }

    /**
     * Makes the LAN for provisioning: dnsmasq answers DHCP with {@code dnsmasqOptions} and serves TFTP from
     * {@link #tftpRoot()}; the phone side has its address ({@link #phoneAddress()}), as a phone that asks with
     * DHCPINFORM has.
     */
    public static NetnsLan withTftp(String dnsmasqOptions) {
        namespaces();
        Path dir = folder("netns-lan");
        List<String> arguments = new ArrayList<>(dnsmasq(dir, dnsmasqOptions));
        arguments.addAll(List.of("--tftp", "--phone-ip"));
        return new NetnsLan(dir, arguments);
    }

    private static void namespaces() {
        RequiredTool.requireRoot("network namespaces");
        RequiredTool.require("ip", "iproute2");
    }

    private static List<String> dnsmasq(Path dir, String options) {
        RequiredTool.require("dnsmasq", "dnsmasq-base");
        Path file = dir.resolve("options.conf");
        write(file, options);
        return List.of("--dnsmasq-options", file.toString());
    }

    public String phoneNamespace() {
        return env.get("PHONE_NS");
    }

    /** The phone side's port. */
    public String phoneInterface() {
        return env.get("PHONE_IF");
    }

    /** The phone side's own address, on a LAN {@link #withTftp} made. */
    public String phoneAddress() {
        return env.get("PHONE_IP");
    }

    /** The server side's port, where dnsmasq answers. */
    public String serverInterface() {
        return env.get("SERVER_IF");
    }

    public String serverAddress() {
        return env.get("SERVER_IP");
    }

    /** Where dnsmasq's TFTP server finds its files, on a LAN {@link #withTftp} made. */
    public Path tftpRoot() {
        return dir().resolve("tftp");
    }

    /** dnsmasq's log: DHCP (with every option asked and given) and TFTP. */
    public String dnsmasqLog() {
        return log("dnsmasq.log");
    }

    /** Runs dhclient on the phone side with {@code configuration}; returns the lease file's text. */
    public String dhcp(String configuration) {
        RequiredTool.require("dhclient", "isc-dhcp-client");
        Path file = dir().resolve("dhclient.conf");
        write(file, configuration);
        script("dhcp", "--conf", file.toString());
        return log("dhclient.lease");
    }

    /** Starts the phone side's lldpd and waits until it has heard the voice policy; returns its control socket. */
    public Path lldp() {
        script("lldp");
        return Path.of(env.get("LLDP_DIR"), "phone.ctl");
    }

    /** {@code command} as it would run on the phone side: prefixed with {@code ip netns exec}. */
    public List<String> onPhone(List<String> command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", phoneNamespace()));
        full.addAll(command);
        return full;
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
