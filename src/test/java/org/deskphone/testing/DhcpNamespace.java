package org.deskphone.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * dnsmasq serving DHCP and TFTP inside a pair of network namespaces the run creates and removes (see
 * {@code tools/peers/dnsmasq}): the phone side is {@link #phoneNamespace()}, with interface
 * {@link #phoneInterface()} at {@link #phoneAddress()}; the server is {@link #serverAddress()}. Options:
 * 66 = the server's bare address; option 43 sub-option 66 = {@code tftp://SERVER/vendor/} for vendor class
 * "yealink"; custom option 224 = {@code tftp://SERVER/custom/}.
 */
public final class DhcpNamespace extends PeerProcess {
    public static final int CUSTOM_OPTION = 224;
    private final String name;
    private final int net;

    private DhcpNamespace(Path dir, String name, int net) {
        super("dnsmasq", dir, arguments(name, net));
        this.name = name;
        this.net = net;
    }

    static DhcpNamespace start() {
        RequiredTool.require("dnsmasq", "dnsmasq-base");
        RequiredTool.require("ip", "iproute2");
        RequiredTool.requireRoot("network namespaces");
        String name = "dp" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 24, 1 << 28), 36);
        return new DhcpNamespace(folder("dnsmasq"), name, ThreadLocalRandom.current().nextInt(2, 250));
    }

    private static List<String> arguments(String name, int net) {
        String server = "10.251." + net + ".1";
        List<String> arguments = new ArrayList<>(List.of("--name", name, "--net", Integer.toString(net)));
        arguments.addAll(List.of("--option", "66," + server));
        arguments.addAll(List.of("--vendor-option", "yealink,66,tftp://" + server + "/vendor/"));
        arguments.addAll(List.of("--option", CUSTOM_OPTION + ",tftp://" + server + "/custom/"));
        return arguments;
    }

    public String phoneNamespace() {
        return name + "-p";
    }

    public String phoneInterface() {
        return name + "-pv";
    }

    public String phoneAddress() {
        return "10.251." + net + ".2";
    }

    public String serverAddress() {
        return "10.251." + net + ".1";
    }

    /** Puts a file in the TFTP root, readable by all. */
    public Path serve(String name, byte[] content) {
        try {
            Path file = dir().resolve("tftp").resolve(name);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            for (Path folder = file.getParent(); !folder.equals(dir()); folder = folder.getParent()) {
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** dnsmasq's DHCP and TFTP log. */
    public String serverLog() {
        return log("dnsmasq.log");
    }
}
