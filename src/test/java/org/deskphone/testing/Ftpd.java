package org.deskphone.testing;

import java.nio.file.Path;
import java.util.List;

/**
 * An FTP server (pyftpdlib) serving {@link #root()} to {@link #USER}/{@link #PASSWORD}, the Yealink manual's
 * example login ({@code ftp://admin:123456@192.168.1.100/}, L1795-1801); see {@code tools/peers/ftpd}.
 */
public final class Ftpd extends PeerProcess {
    public static final String USER = "admin";
    public static final String PASSWORD = "123456";
    private final int port;

    private Ftpd(Path dir, int port) {
        super("ftpd", dir, List.of("--port", Integer.toString(port), "--user", USER, "--password", PASSWORD));
        this.port = port;
    }

    static Ftpd start() {
        RequiredTool.require("/usr/bin/python3", "python3");
        if (!RequiredTool.pythonModule("pyftpdlib")) {
            RequiredTool.missing("pyftpdlib", "python3-pyftpdlib");
        }
        return new Ftpd(folder("ftpd"), FreePort.udpAndTcp());
    }

    public int port() {
        return port;
    }

    /** {@code ftp://127.0.0.1:PORT/path}, without credentials. */
    public String url(String path) {
        return "ftp://127.0.0.1:" + port + "/" + path;
    }

    public Path root() {
        return dir().resolve("root");
    }

    public Path serve(String name, byte[] content) {
        return put(root(), name, content);
    }
}
