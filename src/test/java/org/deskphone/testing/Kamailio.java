package org.deskphone.testing;

import java.util.List;

/**
 * Kamailio as registrar and proxy on 127.0.0.1 and [::1], domain {@code 127.0.0.1}, users alice, bob,
 * carol, dave, 1001–1004 with password = name + "pw" (see {@code tools/peers/kamailio}).
 */
public final class Kamailio extends PeerProcess {
    public static final String DOMAIN = "127.0.0.1";
    private final int port;

    private Kamailio(java.nio.file.Path dir, int port) {
        super("kamailio", dir, List.of("--port", Integer.toString(port)));
        this.port = port;
    }

    static Kamailio start() {
        RequiredTool.require("kamailio", "kamailio");
        return new Kamailio(folder("kamailio"), FreePort.udpAndTcp());
    }

    /** UDP and TCP port on 127.0.0.1 and [::1]. */
    public int port() {
        return port;
    }

    /** {@code sip:USER@127.0.0.1:PORT}: a request URI that reaches the user through this proxy. */
    public String uri(String user) {
        return "sip:" + user + "@" + DOMAIN + ":" + port;
    }

    public static String password(String user) {
        return user + "pw";
    }

    /** The server's log so far: every request it saw is one {@code REQ} line. */
    public String log() {
        return log("kamailio.log");
    }
}
