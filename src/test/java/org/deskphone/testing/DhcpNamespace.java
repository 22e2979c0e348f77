package org.deskphone.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A provisioning server on DHCP options, in a private LAN of two network namespaces ({@link NetnsLan}, made
 * with TFTP): the phone side is {@link #phoneNamespace()}, with interface {@link #phoneInterface()} at
 * {@link #phoneAddress()}; dnsmasq at {@link #serverAddress()} answers on {@link #serverInterface()}. Options:
 * 66 = the server's bare address; option 43 sub-option 66 = {@code tftp://SERVER/vendor/} for vendor class
 * "yealink"; custom option 224 = {@code tftp://SERVER/custom/}.
 */
public final class DhcpNamespace implements AutoCloseable {
    public static final int CUSTOM_OPTION = 224;
    private final NetnsLan lan;

    private DhcpNamespace(NetnsLan lan) {
        this.lan = lan;
    }

    static DhcpNamespace start() {
        String server = NetnsLan.SERVER_ADDRESS;
        return new DhcpNamespace(NetnsLan.withTftp(String.join("\n",
                "dhcp-option=66," + server,
                "dhcp-option=vendor:yealink,66,tftp://" + server + "/vendor/",
                "dhcp-option=" + CUSTOM_OPTION + ",tftp://" + server + "/custom/", "")));
    }

    public String phoneNamespace() {
        return lan.phoneNamespace();
    }

    public String phoneInterface() {
        return lan.phoneInterface();
    }

    public String phoneAddress() {
        return lan.phoneAddress();
    }

    public String serverInterface() {
        return lan.serverInterface();
    }

    public String serverAddress() {
        return lan.serverAddress();
    }

    /** Puts a file in the TFTP root, readable by all. */
    public Path serve(String name, byte[] content) {
        try {
            Path root = lan.tftpRoot();
            Path file = root.resolve(name);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            for (Path folder = file.getParent(); !folder.equals(root.getParent()); folder = folder.getParent()) {
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
        return lan.dnsmasqLog();
    }

    @Override
    public void close() {
        lan.close();
    }
}
