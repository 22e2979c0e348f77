package org.deskphone.testing;

import java.util.List;

/**
 * Kamailio as registrar and proxy on 127.0.0.1 and [::1], domain {@code 127.0.0.1}, users alice, bob,
 * carol, dave, erin, frank, grace, heidi, ivan, judy, 1001–1004 with password = name + "pw" (see {@code tools/peers/kamailio}).
 */
public final class Kamailio extends PeerProcess {
    public static final String DOMAIN = "127.0.0.1";
    private final int port;
    private final int tlsPort;

    private Kamailio(java.nio.file.Path dir, int port, int tlsPort) {
        super("kamailio", dir, List.of("--port", Integer.toString(port), "--tls-port", Integer.toString(tlsPort),
                "--cert", certificate(dir, "server.crt").toString(), "--key", dir.resolve("server.key").toString()));
        this.port = port;
        this.tlsPort = tlsPort;
    }

    static Kamailio start() {
        RequiredTool.require("kamailio", "kamailio");
        RequiredTool.require("openssl", "openssl");
        return new Kamailio(folder("kamailio"), FreePort.udpAndTcp(), FreePort.udpAndTcp());
    }

    /** A self-signed server certificate for 127.0.0.1 and ::1, made before the server starts. */
    private static java.nio.file.Path certificate(java.nio.file.Path dir, String name) {
        java.nio.file.Path crt = dir.resolve(name);
        run(List.of("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "30",
                "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,IP:::1",
                "-keyout", dir.resolve("server.key").toString(), "-out", crt.toString()), 30);
        return crt;
    }

    /** UDP and TCP port on 127.0.0.1 and [::1]. */
    public int port() {
        return port;
    }

    /** TLS port on 127.0.0.1 and [::1]. */
    public int tlsPort() {
        return tlsPort;
    }

    /** The server's self-signed certificate (PEM), for tests that verify it. */
    public java.nio.file.Path certificate() {
        return dir().resolve("server.crt");
    }

    /** {@code sip:USER@127.0.0.1:PORT}: a request URI that reaches the user through this proxy. */
    public String uri(String user) {
        return "sip:" + user + "@" + DOMAIN + ":" + port;
    }

    public static String password(String user) {
        return user + "pw";
    }

    /**
     * The contacts registered for {@code user} right now, from the server's memory ({@code kamcmd ul.dump}):
     * each as Kamailio prints it, e.g. {@code sip:alice@127.0.0.1:5090;transport=tcp}.
     */
    public List<String> contacts(String user) {
        String dump = run(List.of("kamcmd", "-s", "unix:" + dir().resolve("run").resolve("kamailio_ctl"), "ul.dump"), 10);
        List<String> contacts = new java.util.ArrayList<>();
        boolean inUser = false;
        for (String line : dump.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("AoR:")) {
                String aor = trimmed.substring(4).trim();
                inUser = aor.equals(user) || aor.startsWith(user + "@");
            } else if (inUser && trimmed.startsWith("Address:")) {
                contacts.add(trimmed.substring(8).trim());
            }
        }
        return contacts;
    }

    /** How many requests of {@code method} the server has logged so far. */
    public long requests(String method) {
        return log().lines().filter(l -> l.contains("REQ " + method + " ")).count();
    }

    /** The server's log so far: every request it saw is one {@code REQ} line. */
    public String log() {
        return log("kamailio.log");
    }
}
