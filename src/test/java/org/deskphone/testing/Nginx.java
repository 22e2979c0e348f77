package org.deskphone.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * nginx serving {@link #www()} over HTTP and HTTPS with Basic auth ({@link #USER}/{@link #PASSWORD}), and
 * over HTTPS with a mandatory client certificate; its test CA, client certificate and trust store are in
 * {@link #pki()} (see {@code tools/peers/nginx}).
 */
public final class Nginx extends PeerProcess {
    public static final String USER = "phone";
    public static final String PASSWORD = "secret";
    public static final String STORE_PASSWORD = "changeit";
    private final int http;
    private final int https;
    private final int mtls;

    private Nginx(Path dir, int http, int https, int mtls) {
        super("nginx", dir, List.of("--http-port", Integer.toString(http), "--https-port", Integer.toString(https),
                "--mtls-port", Integer.toString(mtls), "--user", USER, "--password", PASSWORD));
        this.http = http;
        this.https = https;
        this.mtls = mtls;
    }

    static Nginx start() {
        RequiredTool.require("nginx", "nginx");
        RequiredTool.require("htpasswd", "apache2-utils");
        return new Nginx(folder("nginx"), FreePort.udpAndTcp(), FreePort.udpAndTcp(), FreePort.udpAndTcp());
    }

    public String httpUrl(String path) {
        return "http://127.0.0.1:" + http + "/" + path;
    }

    public String httpsUrl(String path) {
        return "https://127.0.0.1:" + https + "/" + path;
    }

    public String mtlsUrl(String path) {
        return "https://127.0.0.1:" + mtls + "/" + path;
    }

    public int httpPort() {
        return http;
    }

    public int httpsPort() {
        return https;
    }

    public int mtlsPort() {
        return mtls;
    }

    public Path www() {
        return dir().resolve("www");
    }

    /** ca.crt, server.crt, client.p12 and trust.p12 (both PKCS#12 with {@link #STORE_PASSWORD}). */
    public Path pki() {
        return dir().resolve("pki");
    }

    public Path serve(String name, byte[] content) {
        try {
            Path file = www().resolve(name);
            Files.createDirectories(file.getParent());
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The access log: one line per request, with status, for checking what the phone fetched. */
    public String accessLog() {
        return log("logs/access.log");
    }
}
