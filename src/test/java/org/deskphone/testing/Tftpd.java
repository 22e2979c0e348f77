package org.deskphone.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/** tftpd-hpa serving {@link #root()} on 127.0.0.1 and [::1] (see {@code tools/peers/tftpd}). */
public final class Tftpd extends PeerProcess {
    private final int port;
    private final int port6;

    private Tftpd(Path dir, int port, int port6) {
        super("tftpd", dir, List.of("--port", Integer.toString(port), "--port6", Integer.toString(port6)));
        this.port = port;
        this.port6 = port6;
    }

    static Tftpd start() {
        RequiredTool.require("in.tftpd", "tftpd-hpa");
        return new Tftpd(folder("tftpd"), FreePort.udpAndTcp(), FreePort.udpAndTcp());
    }

    public int port() {
        return port;
    }

    public int port6() {
        return port6;
    }

    public Path root() {
        return dir().resolve("root");
    }

    /** Puts a file where the server serves it, readable by the server's unprivileged user. */
    public Path serve(String name, byte[] content) {
        try {
            Path file = root().resolve(name);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
