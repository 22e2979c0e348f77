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
import java.util.concurrent.TimeUnit;
import org.opentest4j.TestAbortedException;

/**
 * A private LAN in two network namespaces made for one test class and removed after it (see
 * {@code tools/peers/netns-lan}): a server side with dnsmasq and an LLDP-MED "switch", a phone side where
 * the system's DHCP client and LLDP agent run. The host's interfaces are never touched. Namespaces need
 * root: without it the test fails in CI and is skipped elsewhere.
 */
public final class NetnsLan extends PeerProcess {
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
     * Makes the LAN.
     *
     * @param dnsmasqOptions dnsmasq option lines for the DHCP server, or null for none
     * @param voiceVlan      the VLAN of the voice policy the switch advertises, or 0 for no LLDP
     */
    public static NetnsLan start(String dnsmasqOptions, int voiceVlan) {
        requireRoot();
        List<String> arguments = new ArrayList<>();
        Path dir = folder("netns-lan");
        if (dnsmasqOptions != null) {
            RequiredTool.require("dnsmasq", "dnsmasq-base");
            Path options = dir.resolve("options.conf");
            write(options, dnsmasqOptions);
            arguments.addAll(List.of("--dnsmasq-options", options.toString()));
        }
        if (voiceVlan > 0) {
            RequiredTool.require("lldpd", "lldpd");
            arguments.addAll(List.of("--voice-vlan", Integer.toString(voiceVlan)));
        }
        return new NetnsLan(dir, arguments);
    }

    public String phoneNamespace() {
        return env.get("PHONE_NS");
    }

    /** The phone side's port. */
    public String phoneInterface() {
        return env.get("PHONE_IF");
    }

    public String serverAddress() {
        return env.get("SERVER_IP");
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

    private void script(String action, String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("deskphone.home", ".")).toAbsolutePath()
                .resolve("tools/peers/netns-lan").toString(), action, dir().toString()));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("netns-lan " + action + " did not finish in 30 s");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("netns-lan " + action + " failed: " + output.trim());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Network namespaces need root: in CI its absence fails the test, elsewhere it skips it. */
    public static void requireRoot() {
        if ("root".equals(System.getProperty("user.name"))) {
            return;
        }
        String message = "network namespaces need root; this test runs as " + System.getProperty("user.name");
        if (RequiredTool.inCi()) {
            throw new AssertionError(message);
        }
        throw new TestAbortedException(message);
    }
}
