package org.deskphone.testing;

import java.nio.file.Path;
import java.util.List;

/**
 * lighttpd serving {@link #www()} over HTTP with Digest authentication, which nginx lacks: MD5 for
 * {@link #USER}, SHA-256 under {@code /sha256/} for {@link #USER}{@code 256}, both with {@link #PASSWORD}
 * (see {@code tools/peers/lighttpd}).
 */
public final class Lighttpd extends PeerProcess {
    public static final String USER = "phone";
    public static final String PASSWORD = "secret";
    private final int port;

    private Lighttpd(Path dir, int port) {
        super("lighttpd", dir, List.of("--port", Integer.toString(port), "--user", USER, "--password", PASSWORD));
        this.port = port;
    }

    static Lighttpd start() {
        RequiredTool.require("lighttpd", "lighttpd");
        return new Lighttpd(folder("lighttpd"), FreePort.udpAndTcp());
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + "/" + path;
    }

    public Path www() {
        return dir().resolve("www");
    }

    public Path serve(String name, byte[] content) {
        return put(www(), name, content);
    }

    /**
     * The access log once it holds {@code expected}, or as it is after 30 s: lighttpd writes its access log in
     * batches (about once a second, later on a loaded machine), so a request just answered may not be there yet.
     */
    public String accessLog(String expected) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        String log = log("logs/access.log");
        while (!log.contains(expected) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            log = log("logs/access.log");
        }
        return log;
    }
}
